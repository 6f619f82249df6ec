namespace PerfPipeline.Warehouse;

public enum LoadMode
{
    /// <summary>A batch already loaded is reported as such and not loaded again.</summary>
    SkipIfLoaded,

    /// <summary>Loads the batch again (replay), replacing what its earlier load wrote.</summary>
    Reload,

    /// <summary>
    /// Loads the batch again and makes its event rows the LA's current ones even where a batch with a later
    /// <c>as_at</c> is current (<c>replay --as-current</c>): that batch's datasets become superseded by this one.
    /// </summary>
    RestoreAsCurrent,
}
