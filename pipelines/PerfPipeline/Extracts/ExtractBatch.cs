namespace PerfPipeline.Extracts;

/// <summary>
/// One accepted row: values in the dataset contract's column order, each <see cref="string"/>,
/// <see cref="DateOnly"/>, <see cref="bool"/>, <see cref="decimal"/> (Number columns) or null. Person identifiers are
/// already pseudonyms. Columns outside the contract never get here. A struct: a batch holds millions, and one
/// object less per row is much less work for the garbage collector.
/// </summary>
public readonly record struct AcceptedRow(long RowNumber, object?[] Values);

/// <summary>A dataset after reading and validation: <c>RowsRead = Rows.Count + RowsRejected</c>.</summary>
public sealed record DatasetExtract(DatasetContract Contract, string File, long RowsRead, long RowsRejected, IReadOnlyList<AcceptedRow> Rows)
{
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
    string? RejectionReason);
