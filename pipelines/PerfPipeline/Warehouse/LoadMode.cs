namespace PerfPipeline.Warehouse;

public enum LoadMode
{
    /// <summary>A batch already loaded is reported as such and not loaded again.</summary>
    SkipIfLoaded,

    /// <summary>Loads the batch again (replay), replacing what its earlier load wrote.</summary>
    Reload,
}
