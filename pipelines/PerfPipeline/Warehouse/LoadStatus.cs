namespace PerfPipeline.Warehouse;

public enum LoadStatus
{
    /// <summary>Committed: facts, audit and indicator values.</summary>
    Loaded,

    /// <summary>The batch was valid but loading it failed; nothing of it was committed. Replayable.</summary>
    Failed,
}
