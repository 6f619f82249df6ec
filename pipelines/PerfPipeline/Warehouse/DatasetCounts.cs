namespace PerfPipeline.Warehouse;

using PerfPipeline.Extracts;

/// <summary>Rows of one dataset of a batch: <c>RowsRead = RowsLoaded + RowsRejected</c>; warnings are on kept rows.</summary>
public sealed record DatasetCounts(string Dataset, long RowsRead, long RowsLoaded, long RowsRejected, long RowsWarnings)
{
    public static IReadOnlyList<DatasetCounts> Of(ExtractBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return [.. batch.Datasets.Select(d => Of(d, batch.Issues))];
    }

    public static DatasetCounts Of(DatasetExtract dataset, IReadOnlyList<ValidationIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(issues);
        var name = dataset.Contract.Name;
        var warnings = issues.Count(i => i.Severity == IssueSeverity.Warning && string.Equals(i.Dataset, name, StringComparison.Ordinal));
        return new(name, dataset.RowsRead, dataset.RowsAccepted, dataset.RowsRejected, warnings);
    }
}
