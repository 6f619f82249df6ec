namespace PerfPipeline.Dashboard;

/// <summary>One quarter of a measure's trend: the period's code and its unrounded value (null when not available).</summary>
public sealed record DashboardTrendPoint(string Period, decimal? Value);
