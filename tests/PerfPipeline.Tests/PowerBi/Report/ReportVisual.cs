namespace PerfPipeline.Tests.PowerBi.Report;

using System.Text.Json.Nodes;

/// <summary>A visual.json of a report page.</summary>
internal sealed record ReportVisual(string Path, JsonObject Json)
{
    public string Name => (string)Json["name"]!;

    public string? VisualType => (string?)Json["visual"]?["visualType"];

    /// <summary>The literal values the visual-level filters keep, by filtered column (e.g. <c>Indicator.Item</c>: <c>1L</c>).</summary>
    public ILookup<string, string> FilterValues => ReportFilters.ValuesOf(Json["filterConfig"]);

    /// <summary>The fields the visual shows, as <c>Entity.Property</c>, in order.</summary>
    public IEnumerable<string> Projections =>
        (Json["visual"]?["query"]?["queryState"] as JsonObject ?? [])
            .SelectMany(role => role.Value!["projections"]!.AsArray())
            .Select(p => (string)p!["queryRef"]!);
}
