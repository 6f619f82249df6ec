namespace PerfPipeline.Dashboard;

using PerfPipeline.Reporting;

/// <summary>One numbered item of the dashboard (e.g. 4 "Child Protection"), its measures and the text under it.</summary>
public sealed record DashboardSection(int Item, string Title, IReadOnlyList<DashboardMeasure> Measures)
{
    /// <summary>Drafted sentences and officers' commentary; null on a dashboard built without them.</summary>
    public ItemNarrative? Narrative { get; init; }
}
