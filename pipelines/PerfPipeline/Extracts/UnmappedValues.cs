namespace PerfPipeline.Extracts;

using System.Text;

using PerfPipeline.Reference;

/// <summary>A value outside a column's code list and the LA's code map, and how many rows it rejected.</summary>
public sealed record UnmappedValue(string Dataset, string Column, string Value, int Rows);

/// <summary>
/// The values of a batch that neither the contract's codes (and their spellings) nor the LA's code map know, and the
/// LA's code map with them added for the analyst to fill in: one edit fixes a month's rejections, then import and replay.
/// </summary>
public static class UnmappedValues
{
    /// <summary>The file name of the ready-to-edit map written beside a report (the name <c>reference import</c> reads).</summary>
    public static readonly string DraftFileName = ReferenceKind.CodeMap.FileName();

    /// <summary>Every value rejected as not in its code list, with its count, by dataset, column and value.</summary>
    public static IReadOnlyList<UnmappedValue> Of(ExtractBatch extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        return [.. extract.Issues
            .Where(i => i.Rule == ValidationRule.CodeNotInList && i.Dataset is not null && i.Column is not null && i.Value is not null)
            .GroupBy(i => (i.Dataset!, i.Column!, i.Value!))
            .Select(g => new UnmappedValue(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Count()))
            .OrderBy(v => v.Dataset, StringComparer.Ordinal).ThenBy(v => v.Column, StringComparer.Ordinal).ThenByDescending(v => v.Rows)
            .ThenBy(v => v.Value, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The LA's code map as a <c>code-map.csv</c> (<c>dataset,column,source_value,code</c>): its rows in force, then a
    /// row with an empty <c>code</c> for each unmapped value; null when nothing is unmapped. A row left with no code
    /// must be filled in or deleted before the file is imported.
    /// </summary>
    public static string? Draft(ExtractBatch extract)
    {
        ArgumentNullException.ThrowIfNull(extract);
        var unmapped = Of(extract);
        if (unmapped.Count == 0)
        {
            return null;
        }

        var csv = new StringBuilder();
        csv.Append(string.Join(',', ReferenceKind.CodeMap.Columns())).Append('\n');
        foreach (var entry in extract.Reference.CodeMap.Entries)
        {
            csv.Append(Row(entry.Dataset, entry.Column, entry.SourceValue, entry.Code));
        }

        foreach (var value in unmapped)
        {
            csv.Append(Row(value.Dataset, value.Column, value.Value, string.Empty));
        }

        return csv.ToString();
    }

    private static string Row(params string[] cells) => string.Join(',', cells.Select(Quote)) + "\n";

    // RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") < 0 ? cell : $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
