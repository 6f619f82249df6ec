namespace PerfPipeline.Tests.PowerBi.Report;

using System.Text.Json.Nodes;

/// <summary>Reads the <c>In</c> conditions of a <c>filterConfig</c>: which literal values each filtered column keeps.</summary>
internal static class ReportFilters
{
    public static ILookup<string, string> ValuesOf(JsonNode? filterConfig)
    {
        var pairs = new List<(string Column, string Value)>();
        foreach (var filter in filterConfig?["filters"]?.AsArray() ?? [])
        {
            var definition = filter!["filter"];
            var aliases = (definition?["From"]?.AsArray() ?? []).ToDictionary(f => (string)f!["Name"]!, f => (string)f!["Entity"]!);
            foreach (var where in definition?["Where"]?.AsArray() ?? [])
            {
                var condition = where!["Condition"]?["In"];
                var column = condition?["Expressions"]?[0]?["Column"];
                if (column is null)
                {
                    continue;
                }

                var entity = aliases[(string)column["Expression"]!["SourceRef"]!["Source"]!];
                var name = $"{entity}.{(string)column["Property"]!}";
                pairs.AddRange(condition!["Values"]!.AsArray().Select(v => (name, (string)v![0]!["Literal"]!["Value"]!)));
            }
        }

        return pairs.ToLookup(p => p.Column, p => p.Value);
    }
}
