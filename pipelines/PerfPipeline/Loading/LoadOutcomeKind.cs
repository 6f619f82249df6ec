namespace PerfPipeline.Loading;

public enum LoadOutcomeKind
{
    /// <summary>Committed to the warehouse and archived.</summary>
    Loaded,

    /// <summary>The same batch (LA, as_at, manifest) was loaded before; nothing done.</summary>
    AlreadyLoaded,

    /// <summary>The batch failed validation: quarantined with its report, nothing written to the warehouse.</summary>
    Rejected,

    /// <summary>The batch was valid but loading it failed: recorded as failed, replayable.</summary>
    Failed,

    /// <summary>
    /// The batch would empty an event dataset that held rows, or cut it by more than half: held in quarantine with a
    /// report, not loaded, until <c>run --accept-shrink</c> or <c>replay LOAD_ID --force</c> loads it on purpose.
    /// </summary>
    NeedsConfirmation,

    /// <summary>
    /// A replay found no copy because <c>perfpipeline purge</c> removed it after the retention period (recorded in
    /// <c>audit_purge</c>): the load can no longer be replayed. What it loaded stays in the warehouse.
    /// </summary>
    CopyPurged,
}
