namespace PerfPipeline.Extracts;

public enum IssueSeverity
{
    /// <summary>Rejects the whole batch.</summary>
    FileError,

    /// <summary>Rejects the row.</summary>
    RowError,

    /// <summary>Keeps the row; reported.</summary>
    Warning,
}

/// <summary>
/// One problem found in a batch. <see cref="Row"/> is 1 for the first data row; null for file-level issues.
/// Values of person-identifier columns are reported as their pseudonym, never in clear.
/// </summary>
public sealed record ValidationIssue(
    IssueSeverity Severity,
    string? Dataset,
    long? Row,
    string? Column,
    string? Value,
    string Reason)
{
    /// <summary>The rule broken (null for issues recorded without one); issues of one rule are grouped in the summary.</summary>
    public ValidationRule? Rule { get; init; }
}
