namespace PerfPipeline.Dashboard;

/// <summary>
/// A value as stored (unrounded, null when not available) and as displayed (<c>n/a</c> then), with the numerator and
/// denominator it came from.
/// </summary>
public sealed record DashboardValue(decimal? Value, decimal? Numerator, decimal? Denominator, string Display)
{
    /// <summary>True when the denominator is under the small-number threshold (Reporting.SmallNumbers).</summary>
    public bool SmallNumber { get; init; }
}
