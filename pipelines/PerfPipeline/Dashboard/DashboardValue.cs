namespace PerfPipeline.Dashboard;

/// <summary>A value as stored (unrounded, null when not available) and as displayed (<c>n/a</c> then).</summary>
public sealed record DashboardValue(decimal? Value, decimal? Numerator, decimal? Denominator, string Display);
