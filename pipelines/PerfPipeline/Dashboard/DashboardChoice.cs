namespace PerfPipeline.Dashboard;

/// <summary>One option of a dashboard picker: the value a request carries and what a reader sees.</summary>
public sealed record DashboardChoice(string Value, string Label);
