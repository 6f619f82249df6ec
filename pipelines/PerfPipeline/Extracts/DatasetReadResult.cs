namespace PerfPipeline.Extracts;

/// <summary>One dataset file after reading: the extract, its issues, and the SHA-256 of its bytes when asked for.</summary>
internal sealed record DatasetReadResult(DatasetExtract Extract, IReadOnlyList<ValidationIssue> Issues, string? Sha256, bool Unreadable);
