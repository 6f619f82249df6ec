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

    /// <summary>
    /// The longest value the column takes, in characters, after trimming: the limit of its kind
    /// (<see cref="ExtractContract.MaxValueLength"/>) unless the contract sets one for the column.
    /// </summary>
    public int MaxLength { get; init; } = ExtractContract.MaxValueLength(Kind);

    /// <summary>
    /// Whether a quoted value may hold a line break (RFC 4180 allows it): text may, identifiers, codes, dates, flags and
    /// numbers may not. Even in text, a line break followed in the same value by a comma is taken as a quote left open
    /// (the lines after it are the next records), so one stray quote cannot swallow the rows after it.
    /// </summary>
    public bool AllowsLineBreaks { get; init; } = Kind == ColumnKind.Text;

    /// <summary>For <see cref="ColumnKind.Number"/> columns: the values that make sense, when the contract bounds them.</summary>
    public NumberRange? Range { get; init; }

    /// <summary>
    /// For <see cref="ColumnKind.Code"/> columns: other spellings the SSD scripts and the systems they run on write for
    /// a code (<c>M</c> for <c>Missing</c>, a SystemC description for an SSDA903 code), matched case-insensitively and
    /// stored as the code. The one place every built-in mapping is recorded; an LA's own spellings go in its code map.
    /// </summary>
    public IReadOnlyDictionary<string, string> Spellings { get; init; } = EmptySpellings;

    /// <summary>
    /// An extension column: the SSD has no source for it (<c>docs/ssd/README.md</c>), so an LA adds it where it has the
    /// data. It is never required in the header; the measures that need it are n/a with the reason when no row of the
    /// dataset holds a value.
    /// </summary>
    public bool Extension { get; init; }

    /// <summary>
    /// A required column that an SSD script may leave out or empty (<c>cppv_person_id</c> in Mosaic, a visit's plan in
    /// SystemC): the header need not name it and an empty value is not a row error while the file is read; once the
    /// batch is read the value is derived as this says (<see cref="BatchDerivations"/>), or the row is rejected.
    /// </summary>
    public string? DerivedFrom { get; init; }

    private static readonly IReadOnlyDictionary<string, string> EmptySpellings = new Dictionary<string, string>();
}

/// <summary>Numbers greater than <see cref="Above"/> and at most <see cref="AtMost"/>.</summary>
public sealed record NumberRange(decimal Above, decimal AtMost)
{
    public bool Contains(decimal value) => value > Above && value <= AtMost;

    public override string ToString() => FormattableString.Invariant($"more than {Above} and at most {AtMost}");
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
