namespace PerfPipeline.Dashboard;

/// <summary>The national comparator; every field null when none is published.</summary>
public sealed record DashboardNational(decimal? Value, string? Period, string? Display);
