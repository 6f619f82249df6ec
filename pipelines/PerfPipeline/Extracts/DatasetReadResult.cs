namespace PerfPipeline.Extracts;

/// <summary>
/// One dataset file after reading: the extract, its issues, and the SHA-256 of its bytes when asked for.
/// <see cref="Keyless"/>: the file has rows and the primary key is empty (or NULL) in every one of them.
/// </summary>
internal sealed record DatasetReadResult(DatasetExtract Extract, IReadOnlyList<ValidationIssue> Issues, string? Sha256, bool Unreadable)
{
    public bool Keyless { get; init; }
}
