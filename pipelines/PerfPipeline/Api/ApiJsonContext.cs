namespace PerfPipeline.Api;

using System.Text.Json.Serialization;

/// <summary>Source-generated JSON for the API's bodies: no reflection, snake_case names as in docs/spec/interfaces.md.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ApiProblem))]
[JsonSerializable(typeof(CommentaryBody))]
[JsonSerializable(typeof(CommentaryEntry))]
[JsonSerializable(typeof(CommentaryInput))]
[JsonSerializable(typeof(IndicatorCatalogueBody))]
[JsonSerializable(typeof(IndicatorSeriesBody))]
[JsonSerializable(typeof(LoadsBody))]
[JsonSerializable(typeof(ReplayBody))]
[JsonSerializable(typeof(WorkListBody))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
