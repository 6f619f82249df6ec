namespace PerfPipeline.Dashboard;

/// <summary>
/// The dashboard of one LA for one period, as the JSON endpoint serves it (docs/spec/interfaces.md):
/// items and measures in the order of the published dashboard.
/// </summary>
public sealed record DashboardDocument(
    string LaCode,
    string? LaName,
    string Period,
    DashboardComparisons ComparedWith,
    DateOnly? DataAsAt,
    IReadOnlyList<DashboardSection> Items)
{
    /// <summary>Figures over fewer cases than this are flagged as small numbers.</summary>
    public int SmallNumberThreshold { get; init; } = Reporting.SmallNumbers.DefaultThreshold;
}
