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

    /// <summary>
    /// The newest reference import when the stamp was read (null when none): the targets and comparators a dashboard
    /// shows change with it and no load. Read in the same query as the load, as it validates every dashboard request.
    /// </summary>
    public string? ReferenceImport { get; init; }
}
