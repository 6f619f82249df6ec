namespace PerfPipeline.Dashboard;

using System.Text.Json.Serialization;

/// <summary>
/// The trends as the page's script reads them. The default encoder escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c>, so the JSON is safe inside a <c>script</c> element.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>>))]
internal sealed partial class DashboardPageJsonContext : JsonSerializerContext;
