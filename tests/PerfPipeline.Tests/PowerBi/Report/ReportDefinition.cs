namespace PerfPipeline.Tests.PowerBi.Report;

using System.Text.Json.Nodes;

/// <summary>The PBIR <c>definition/</c> folder of a report: its pages in <c>pages.json</c> order.</summary>
internal sealed class ReportDefinition
{
    private ReportDefinition(string folder)
    {
        PagesMetadata = ReportJson.Read(Path.Combine(folder, "pages", "pages.json"));
        Pages =
        [
            .. Directory.EnumerateDirectories(Path.Combine(folder, "pages"))
                .Order(StringComparer.Ordinal)
                .Select(ReportPage.Load),
        ];
    }

    public JsonObject PagesMetadata { get; }

    public IReadOnlyList<ReportPage> Pages { get; }

    public IEnumerable<ReportVisual> Visuals => Pages.SelectMany(p => p.Visuals);

    public static ReportDefinition Load(string definitionFolder) => new(definitionFolder);

    /// <summary>
    /// Every model field the node refers to, as (kind, entity, property): <c>Column</c> and <c>Measure</c>
    /// expressions, whether they name their table directly (<c>Entity</c>) or through a filter's alias (<c>Source</c>).
    /// </summary>
    public static IEnumerable<(string Kind, string Entity, string Property)> FieldReferences(JsonNode? node) =>
        FieldReferences(node, new Dictionary<string, string>(StringComparer.Ordinal));

    private static IEnumerable<(string Kind, string Entity, string Property)> FieldReferences(JsonNode? node, Dictionary<string, string> aliases)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var reference in array.SelectMany(item => FieldReferences(item, aliases)))
                {
                    yield return reference;
                }

                break;
            case JsonObject obj:
                if (obj["From"] is JsonArray from)
                {
                    aliases = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
                    foreach (var source in from)
                    {
                        aliases[(string)source!["Name"]!] = (string)source["Entity"]!;
                    }
                }

                foreach (var kind in new[] { "Column", "Measure" })
                {
                    if (obj[kind] is JsonObject field && field["Expression"]?["SourceRef"] is JsonObject sourceRef)
                    {
                        var entity = (string?)sourceRef["Entity"] ?? aliases[(string)sourceRef["Source"]!];
                        yield return (kind, entity, (string)field["Property"]!);
                    }
                }

                foreach (var reference in obj.SelectMany(property => FieldReferences(property.Value, aliases)))
                {
                    yield return reference;
                }

                break;
        }
    }
}
