namespace PerfPipeline.Warehouse;

/// <summary>
/// An LA's most recently committed load and when it committed: what its dashboard is built from, so responses are
/// validated (ETag) and cached by it. A replay recommits an older load id, hence the commit time.
/// </summary>
public sealed record LoadStamp(LoadKey Key, DateTimeOffset FinishedAt)
{
    public string LoadId => Key.LoadId;
}
