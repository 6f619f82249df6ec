namespace PerfPipeline.Extracts;

/// <summary>Event datasets carry full history and supersede; snapshot datasets are kept per <c>as_at</c>.</summary>
public enum DatasetKind
{
    Event,
    Snapshot,
}

/// <summary>How a contract column is parsed, validated and stored.</summary>
public enum ColumnKind
{
    /// <summary>Free text, trimmed.</summary>
    Text,

    /// <summary>A record identifier: text, leading zeros kept, compared exactly.</summary>
    RecordId,

    /// <summary>A person identifier (child or worker): pseudonymised on read, never stored in clear.</summary>
    PersonId,

    /// <summary>A date in one of the contract's date shapes.</summary>
    Date,

    /// <summary>Y/N, Yes/No, 1/0, True/False in any case.</summary>
    Flag,

    /// <summary>A value from the column's code list, matched case-insensitively, stored in the list's spelling.</summary>
    Code,

    /// <summary>A decimal number with <c>.</c> as separator.</summary>
    Number,
}

/// <summary>One column of the extract contract and the warehouse column it is stored as.</summary>
public sealed record ColumnSpec(string Name, ColumnKind Kind, bool Required, string StoredAs)
{
    /// <summary>The accepted codes for <see cref="ColumnKind.Code"/> columns, in their canonical spelling.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];
}

/// <summary>A pair of date columns where the end may not be before the start.</summary>
public sealed record DateRange(string Start, string End);

/// <summary>One dataset of the extract contract (<c>docs/spec/extract-spec.md</c>).</summary>
public sealed record DatasetContract(
    string Name,
    DatasetKind Kind,
    string Table,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<DateRange> DateRanges)
{
    /// <summary>The primary key is the dataset's first column.</summary>
    public ColumnSpec PrimaryKey => Columns[0];

    public int IndexOf(string columnName)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, columnName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
