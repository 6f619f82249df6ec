namespace PerfPipeline.Extracts;

/// <summary>
/// One accepted row: values in the dataset contract's column order, each <see cref="string"/>,
/// <see cref="DateOnly"/>, <see cref="bool"/>, <see cref="decimal"/> (Number columns) or null. Person identifiers are
/// already pseudonyms. Columns outside the contract never get here. A dataset stores its rows by column
/// (<see cref="AcceptedRows"/>) and builds this view of a row when asked for it.
/// </summary>
public readonly record struct AcceptedRow(long RowNumber, object?[] Values);

/// <summary>A dataset after reading and validation: <c>RowsRead = Rows.Count + RowsRejected</c>.</summary>
public sealed record DatasetExtract
{
    /// <param name="rows">The accepted rows: stored as they are when already <see cref="AcceptedRows"/> of <paramref name="contract"/>, otherwise copied into that form.</param>
    public DatasetExtract(DatasetContract contract, string file, long rowsRead, long rowsRejected, IReadOnlyList<AcceptedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Contract = contract;
        File = file;
        RowsRead = rowsRead;
        RowsRejected = rowsRejected;
        Rows = rows is AcceptedRows stored && ReferenceEquals(stored.Contract, contract) ? stored : AcceptedRows.From(contract, rows);
    }

    public DatasetContract Contract { get; }

    public string File { get; }

    public long RowsRead { get; }

    public long RowsRejected { get; }

    public AcceptedRows Rows { get; }

    public long RowsAccepted => Rows.Count;
}

/// <summary>A whole batch after reading and validation.</summary>
/// <param name="Manifest">The parsed manifest; null when it was missing or unreadable.</param>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of the manifest bytes: with LA and as_at, the load key.</param>
public sealed record ExtractBatch(
    BatchManifest? Manifest,
    string ManifestSha256,
    IReadOnlyList<DatasetExtract> Datasets,
    IReadOnlyList<ValidationIssue> Issues,
    bool IsRejected,
    string? RejectionReason)
{
    /// <summary>The LA's reference data the batch was read with: its code map and allocated roles (empty when none).</summary>
    public ExtractReference Reference { get; init; } = ExtractReference.None;

    /// <summary>The values derived because the batch left them empty, per dataset, column and rule.</summary>
    public IReadOnlyList<Derivation> Derivations { get; init; } = [];

    /// <summary>The rows that load but that a measure's cohort leaves out, per dataset, column and rule (care leavers).</summary>
    public IReadOnlyList<CohortExclusion> CohortExclusions { get; init; } = [];
}
