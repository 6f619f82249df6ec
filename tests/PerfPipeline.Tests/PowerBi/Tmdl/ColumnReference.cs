namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>A <c>Table.Column</c> reference as relationships write it, e.g. <c>'Indicator value'.'LA code'</c>.</summary>
internal sealed record ColumnReference(string Table, string Column)
{
    public static ColumnReference Parse(string text)
    {
        var rest = text.Trim();
        var table = TakeName(ref rest);
        if (!rest.StartsWith('.'))
        {
            throw new FormatException($"'{text}' is not Table.Column.");
        }

        rest = rest[1..];
        var column = TakeName(ref rest);
        return rest.Length == 0 ? new ColumnReference(table, column) : throw new FormatException($"'{text}' is not Table.Column.");
    }

    private static string TakeName(ref string rest)
    {
        if (rest.StartsWith('\''))
        {
            return TmdlReader.TakeQuoted(ref rest, string.Empty, 0);
        }

        var end = rest.IndexOf('.', StringComparison.Ordinal);
        var name = end < 0 ? rest : rest[..end];
        rest = end < 0 ? string.Empty : rest[end..];
        return name;
    }
}
