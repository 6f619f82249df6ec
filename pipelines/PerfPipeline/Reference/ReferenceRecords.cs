namespace PerfPipeline.Reference;

/// <summary>
/// One row of <c>comparators.csv</c>. <see cref="Geography"/> is <c>England</c>, <c>region:&lt;name&gt;</c> or
/// <c>statistical-neighbours</c>; <see cref="Period"/> is the label as published and <see cref="PeriodEnd"/> the day
/// that period ends, which picks the latest comparator on or before a reporting period.
/// </summary>
public sealed record Comparator(
    string IndicatorCode, string Geography, string Period, DateOnly PeriodEnd, decimal Value, string Unit, string SourceNote)
{
    public const string England = "England";
}

/// <summary>
/// One row of an LA's <c>targets.csv</c>: the target from <see cref="FromDate"/> on, and the width of the amber band
/// in the indicator's unit. <see cref="Source"/> is <c>statutory</c> or <c>local</c>.
/// </summary>
public sealed record IndicatorTarget(string IndicatorCode, decimal Target, decimal Tolerance, string Source, DateOnly FromDate);
