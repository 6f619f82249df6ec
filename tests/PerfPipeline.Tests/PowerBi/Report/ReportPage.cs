namespace PerfPipeline.Tests.PowerBi.Report;

using System.Text.Json.Nodes;

/// <summary>A page.json of the report with the visuals in its <c>visuals/</c> folder.</summary>
internal sealed record ReportPage(string Folder, JsonObject Json, IReadOnlyList<ReportVisual> Visuals)
{
    public string Name => (string)Json["name"]!;

    public ILookup<string, string> FilterValues => ReportFilters.ValuesOf(Json["filterConfig"]);

    public static ReportPage Load(string folder)
    {
        var visualsFolder = System.IO.Path.Combine(folder, "visuals");
        var visuals = Directory.Exists(visualsFolder)
            ? Directory.EnumerateFiles(visualsFolder, "visual.json", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(path => new ReportVisual(path, ReportJson.Read(path)))
                .ToList()
            : [];
        return new ReportPage(folder, ReportJson.Read(System.IO.Path.Combine(folder, "page.json")), visuals);
    }
}
