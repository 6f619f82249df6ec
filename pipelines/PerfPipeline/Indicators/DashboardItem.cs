namespace PerfPipeline.Indicators;

/// <summary>A numbered section of the published dashboard, e.g. 3 "Children's Social Care Front Door".</summary>
public sealed record DashboardItem(int Number, string Title);
