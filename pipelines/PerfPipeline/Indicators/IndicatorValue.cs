namespace PerfPipeline.Indicators;

using PerfPipeline.Calendar;

/// <summary>
/// One computed measure for one LA and period. <see cref="Value"/> is unrounded; null means
/// not available (<c>n/a</c>), never zero. Counts have a numerator and no denominator.
/// </summary>
public sealed record IndicatorValue(
    string LaCode,
    string IndicatorCode,
    Period Period,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Value)
{
    /// <summary>Why the value is <c>n/a</c>, when the numbers alone do not say (e.g. no population estimate for the LA and year).</summary>
    public string? Reason { get; init; }

    /// <summary>The reference figure the value used and the file and import it came from (e.g. the population estimate).</summary>
    public string? Basis { get; init; }
}
