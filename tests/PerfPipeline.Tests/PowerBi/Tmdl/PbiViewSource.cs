namespace PerfPipeline.Tests.PowerBi.Tmdl;

using System.Text.RegularExpressions;

/// <summary>
/// What a partition's M imports: the <c>pbi</c> view it navigates to through <c>Sql.Database(Server, Database)</c>
/// and the view columns it keeps with <c>Table.SelectColumns</c>.
/// </summary>
internal sealed partial record PbiViewSource(string View, IReadOnlyList<string> Columns)
{
    public static PbiViewSource Parse(string m)
    {
        if (!SqlDatabase().IsMatch(m))
        {
            throw new FormatException("The source does not read Sql.Database(Server, Database).");
        }

        var view = Navigation().Match(m);
        var columns = SelectColumns().Match(m);
        if (!view.Success || !columns.Success)
        {
            throw new FormatException("The source does not navigate to a pbi view and select its columns.");
        }

        return new PbiViewSource(
            view.Groups[1].Value,
            [.. QuotedName().Matches(columns.Groups[1].Value).Select(c => c.Groups[1].Value)]);
    }

    [GeneratedRegex(@"Sql\.Database\(\s*Server\s*,\s*Database\s*\)")]
    private static partial Regex SqlDatabase();

    [GeneratedRegex(@"\{\[\s*Schema\s*=\s*""pbi""\s*,\s*Item\s*=\s*""([A-Za-z_]+)""\s*\]\}\[Data\]")]
    private static partial Regex Navigation();

    [GeneratedRegex(@"Table\.SelectColumns\(\s*\w+\s*,\s*\{([^}]*)\}\s*\)")]
    private static partial Regex SelectColumns();

    [GeneratedRegex(@"""([^""]+)""")]
    private static partial Regex QuotedName();
}
