namespace PerfPipeline.Tests.Ssd;

/// <summary>
/// SSD 1.4.5's columns per table and system, read from <c>docs/ssd/columns-by-system.csv</c> (SSD's own DDL
/// comparison): what each system's script gives a table, in the file's order.
/// </summary>
internal static class SsdColumns
{
    private static readonly Lazy<List<(string Table, string Field, Dictionary<string, bool> InSystem)>> Rows = new(Read);

    public static IReadOnlyList<string> Systems { get; } = ["SystemC", "Mosaic", "Eclipse"];

    /// <summary>The table's columns in <paramref name="system"/>'s script.</summary>
    public static IReadOnlyList<string> Of(string table, string system) =>
        [.. Rows.Value.Where(r => r.Table == table && r.InSystem[system]).Select(r => r.Field)];

    private static List<(string, string, Dictionary<string, bool>)> Read()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("docs", "ssd", "columns-by-system.csv"));
        var header = Split(lines[0]);
        var rows = new List<(string, string, Dictionary<string, bool>)>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Split(line);
            var inSystem = Systems.ToDictionary(s => s, s => cells[Array.IndexOf(header, $"in_{s.ToLowerInvariant()}")] == "yes", StringComparer.Ordinal);
            rows.Add((cells[0], cells[1], inSystem));
        }

        return rows;
    }

    // The file's types hold commas inside quotes ("decimal(6,2)"); no cell holds a quote.
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == line.Length || (line[i] == ',' && !quoted))
            {
                cells.Add(line[start..i].Trim('"'));
                start = i + 1;
            }
        }

        return [.. cells];
    }
}
