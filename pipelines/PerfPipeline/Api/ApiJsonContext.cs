namespace PerfPipeline.Api;

using System.Text.Json.Serialization;

/// <summary>Source-generated JSON for the API's bodies: no reflection, names as in docs/spec/interfaces.md.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(ApiProblem))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
