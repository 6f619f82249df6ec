namespace PerfPipeline.Dashboard;

/// <summary>
/// A value as stored (unrounded, null when not available) and as displayed (<c>n/a</c> then), with the numerator and
/// denominator it came from.
/// </summary>
public sealed record DashboardValue(decimal? Value, decimal? Numerator, decimal? Denominator, string Display)
{
    /// <summary>True when the denominator is under the small-number threshold (Reporting.SmallNumbers).</summary>
    public bool SmallNumber { get; init; }

    /// <summary>Why the value is <c>n/a</c>, when the numbers alone do not say (e.g. no population estimate for the LA and year).</summary>
    public string? Reason { get; init; }

    /// <summary>The reference figure the value used and the file and import it came from (e.g. the population estimate).</summary>
    public string? Basis { get; init; }
}
