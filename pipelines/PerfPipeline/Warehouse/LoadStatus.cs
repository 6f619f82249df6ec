namespace PerfPipeline.Warehouse;

public enum LoadStatus
{
    /// <summary>Committed: facts, audit and indicator values.</summary>
    Loaded,

    /// <summary>The batch was valid but loading it failed; nothing of it was committed. Replayable.</summary>
    Failed,

    /// <summary>Rejected by validation: nothing reached the warehouse; listed from its quarantined copy and report.</summary>
    Rejected,

    /// <summary>Held because it would empty or halve a dataset: not loaded; listed from its quarantined copy and report.</summary>
    NeedsConfirmation,
}
