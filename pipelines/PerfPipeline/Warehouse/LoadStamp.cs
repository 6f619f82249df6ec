namespace PerfPipeline.Warehouse;

/// <summary>
/// An LA's most recently committed load and when it committed: what its dashboard is built from, so responses are
/// validated (ETag) and cached by it. A replay recommits an older load id, hence the commit time.
/// <paramref name="DataAsAt"/> is the newest <c>as_at</c> of the LA's committed loads, which the data describes:
/// an older batch loaded late is the latest load, not the newest data.
/// </summary>
public sealed record LoadStamp(LoadKey Key, DateTimeOffset FinishedAt, DateOnly DataAsAt)
{
    public string LoadId => Key.LoadId;
}
