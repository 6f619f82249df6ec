namespace PerfPipeline.Warehouse;

/// <summary>One recorded load (<c>audit_load</c>) with its datasets.</summary>
public sealed record LoadRecord(
    LoadKey Key,
    string? SourceSystem,
    LoadStatus Status,
    int Attempts,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string? Error,
    IReadOnlyList<DatasetLoadRecord> Datasets)
{
    public string LoadId => Key.LoadId;
}
