namespace PerfPipeline.Reference;

/// <summary>
/// One published comparator figure (a row of <c>comparators.csv</c>): the value of <see cref="Indicator"/> for a
/// geography (<c>England</c>, <c>region:&lt;name&gt;</c>, <c>statistical-neighbours</c>) over the period it describes.
/// <see cref="Period"/> is the label as published ("2018-19", "calendar year 2018"); <see cref="PeriodEnd"/> is the
/// day that period ends, which decides whether the figure was out by the end of a reporting period.
/// </summary>
public sealed record Comparator(
    string Indicator, string Geography, string Period, DateOnly PeriodEnd, decimal Value, string Unit, string SourceNote)
{
    public const string England = "England";
}
