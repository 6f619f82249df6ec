namespace PerfPipeline.Warehouse;

/// <summary>One dataset of a recorded load (<c>audit_load_dataset</c>).</summary>
public sealed record DatasetLoadRecord(DatasetCounts Counts, string Table, DatasetOutcome Outcome, string? SupersededBy);
