namespace PerfPipeline.Warehouse;

using PerfPipeline.Extracts;

/// <summary>The <c>audit_load_dataset</c> row a load writes for each dataset it carries, in either dialect.</summary>
internal sealed record AuditDatasetRow(
    string LoadId, string Dataset, string TableName, string FileName, long RowsRead, long RowsLoaded, long RowsRejected, long RowsWarnings,
    string Outcome, string? SupersededBy)
{
    public static AuditDatasetRow Of(LoadKey key, DatasetExtract dataset, DatasetCounts counts, DatasetOutcome outcome, string? supersededBy) => new(
        key.LoadId, counts.Dataset, dataset.Contract.Table, dataset.File, counts.RowsRead, counts.RowsLoaded, counts.RowsRejected, counts.RowsWarnings,
        AuditCodes.Code(outcome), supersededBy);
}
