namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// Events sorted by date with running totals of their numerators, so the events of any period are two
/// binary searches and a subtraction.
/// </summary>
internal sealed class FlowSeries : IMeasure
{
    private readonly int[] _days;
    private readonly long[] _numeratorBefore;
    private readonly FlowStatistic _statistic;

    private FlowSeries(int[] days, long[] numerators, FlowStatistic statistic)
    {
        Array.Sort(days, numerators);
        _days = days;
        _numeratorBefore = new long[days.Length + 1];
        for (var i = 0; i < numerators.Length; i++)
        {
            _numeratorBefore[i + 1] = _numeratorBefore[i] + numerators[i];
        }

        _statistic = statistic;
    }

    /// <summary>One event per row with a date; <paramref name="numerator"/> is 0/1 for a percentage.</summary>
    public static FlowSeries Create<T>(
        IReadOnlyCollection<T> rows, Func<T, DateOnly?> date, Func<T, long> numerator, FlowStatistic statistic)
    {
        var days = new List<int>(rows.Count);
        var numerators = new List<long>(rows.Count);
        foreach (var row in rows)
        {
            if (date(row) is { } day)
            {
                days.Add(day.DayNumber);
                numerators.Add(numerator(row));
            }
        }

        return new([.. days], [.. numerators], statistic);
    }

    /// <summary>Events given as day numbers and numerators, in any order (both arrays are sorted in place).</summary>
    public static FlowSeries FromEvents(int[] days, long[] numerators, FlowStatistic statistic) => new(days, numerators, statistic);

    public static FlowSeries Count<T>(IReadOnlyCollection<T> rows, Func<T, DateOnly?> date) =>
        Create(rows, date, static _ => 0, FlowStatistic.Count);

    public Measurement Measure(Period period)
    {
        var from = SortedDays.LowerBound(_days, period.Start.DayNumber);
        var to = SortedDays.LowerBound(_days, period.End.DayNumber + 1);
        var count = to - from;
        var numerator = _numeratorBefore[to] - _numeratorBefore[from];
        return _statistic switch
        {
            FlowStatistic.Count => Measurement.Count(count),
            FlowStatistic.Percent => Measurement.Percent(numerator, count),
            _ => Measurement.Mean(numerator, count),
        };
    }
}
