namespace PerfPipeline.Dashboard;

using PerfPipeline.Indicators;

/// <summary>A dashboard read from the warehouse, with every current value of its LA (for trends).</summary>
public sealed record DashboardReadout(DashboardDocument Dashboard, IReadOnlyList<IndicatorValue> Values);
