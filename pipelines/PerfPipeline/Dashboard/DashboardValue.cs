namespace PerfPipeline.Dashboard;

/// <summary>A value as stored (unrounded, null when not available) and as displayed (<c>n/a</c> then).</summary>
public sealed record DashboardValue(decimal? Value, decimal? Numerator, decimal? Denominator, string Display)
{
    /// <summary>Why the value is <c>n/a</c>, when the numbers alone do not say (e.g. no population estimate for the LA and year).</summary>
    public string? Reason { get; init; }

    /// <summary>The reference figure the value used and the file and import it came from (e.g. the population estimate).</summary>
    public string? Basis { get; init; }
}
