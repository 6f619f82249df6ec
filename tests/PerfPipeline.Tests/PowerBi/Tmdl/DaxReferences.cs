namespace PerfPipeline.Tests.PowerBi.Tmdl;

using System.Text.RegularExpressions;

/// <summary>The <c>Table[Name]</c>, <c>'Table'[Name]</c> and <c>[Measure]</c> references of a DAX expression.</summary>
internal static partial class DaxReferences
{
    public static IEnumerable<(string? Table, string Name)> In(string dax)
    {
        // String literals may hold brackets ("[x]") that are not references.
        var code = StringLiteral().Replace(dax, "\"\"");
        foreach (Match match in Reference().Matches(code))
        {
            var table = match.Groups["quoted"].Success
                ? match.Groups["quoted"].Value.Replace("''", "'", StringComparison.Ordinal)
                : match.Groups["plain"].Success ? match.Groups["plain"].Value : null;
            yield return (table, match.Groups["name"].Value);
        }
    }

    [GeneratedRegex(@"""(?:[^""]|"""")*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?:'(?<quoted>(?:[^']|'')+)'|(?<plain>[A-Za-z_][A-Za-z0-9_]*))?\[(?<name>[^\]]+)\]")]
    private static partial Regex Reference();
}
