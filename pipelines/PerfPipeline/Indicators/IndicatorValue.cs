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
    decimal? Value);
