namespace PerfPipeline.Warehouse;

/// <summary>What a dataset of a load did to the warehouse (<c>audit_load_dataset.outcome</c>).</summary>
public enum DatasetOutcome
{
    /// <summary>The event rows are the LA's current data for the dataset.</summary>
    Current,

    /// <summary>The event rows were current until a batch with a later (or the same) <c>as_at</c> replaced them.</summary>
    Superseded,

    /// <summary>Not applied: a batch with a later <c>as_at</c> had already been loaded.</summary>
    OlderThanCurrent,

    /// <summary>Snapshot rows kept for the load's <c>as_at</c>.</summary>
    Snapshot,

    /// <summary>Snapshot rows for the same <c>as_at</c> replaced by a later load.</summary>
    SnapshotReplaced,
}
