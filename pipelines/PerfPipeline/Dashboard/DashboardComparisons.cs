namespace PerfPipeline.Dashboard;

/// <summary>The periods the current one is shown against: the same period a year earlier and the previous financial year.</summary>
public sealed record DashboardComparisons(string SamePeriodLastYear, string PreviousYear);
