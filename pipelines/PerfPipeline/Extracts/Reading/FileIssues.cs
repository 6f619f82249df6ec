namespace PerfPipeline.Extracts;

/// <summary>
/// The issues found in one dataset file, in the order they were found: the header map, the row validator and the
/// primary-key tracker all write here, so the report keeps the file's reading order.
/// </summary>
internal sealed class FileIssues(string dataset, string file)
{
    private readonly List<ValidationIssue> _issues = [];

    public IReadOnlyList<ValidationIssue> All => _issues;

    public void FileError(ValidationRule rule, string? column, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.FileError, dataset, null, column, file, reason) { Rule = rule });

    public void RowError(long rowNumber, ColumnSpec? column, string? value, ValidationRule rule, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.RowError, dataset, rowNumber, column?.Name, value, reason) { Rule = rule });

    public void Warning(long rowNumber, ColumnSpec column, string? value, ValidationRule rule, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Warning, dataset, rowNumber, column.Name, value, reason) { Rule = rule });

    /// <summary>Orders the issues by row (file issues first), keeping the order of issues of one row.</summary>
    public void SortByRow()
    {
        var ordered = _issues.OrderBy(issue => issue.Row ?? 0).ToList();
        _issues.Clear();
        _issues.AddRange(ordered);
    }
}
