namespace PerfPipeline.Dashboard;

/// <summary>One numbered item of the dashboard (e.g. 4 "Child Protection") and its measures.</summary>
public sealed record DashboardSection(int Item, string Title, IReadOnlyList<DashboardMeasure> Measures);
