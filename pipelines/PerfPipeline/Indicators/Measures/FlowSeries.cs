namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// Events counted per day with running totals of their count and numerators, so the events of any period are two
/// subtractions. Built in one pass into a <see cref="DayTally"/>, without sorting or keeping the events.
/// </summary>
internal sealed class FlowSeries : IMeasure
{
    // _countBefore[i] and _numeratorBefore[i]: the events dated before day _firstDay + i, and their numerators' sum; the
    // last slot holds every event.
    private readonly int _firstDay;
    private readonly long[] _countBefore;
    private readonly long[] _numeratorBefore;
    private readonly FlowStatistic _statistic;

    public FlowSeries(DayTally tally, FlowStatistic statistic)
    {
        (_firstDay, _countBefore, _numeratorBefore) = tally.RunningTotals();
        _statistic = statistic;
    }

    /// <summary>One event per row with a date; <paramref name="numerator"/> is 0/1 for a percentage.</summary>
    public static FlowSeries Create<T>(
        IEnumerable<T> rows, Func<T, DateOnly?> date, Func<T, long> numerator, FlowStatistic statistic)
    {
        var tally = new DayTally();
        foreach (var row in rows)
        {
            if (date(row) is { } day)
            {
                tally.Add(day.DayNumber, numerator(row));
            }
        }

        return new(tally, statistic);
    }

    public static FlowSeries Count<T>(IEnumerable<T> rows, Func<T, DateOnly?> date) =>
        Create(rows, date, static _ => 0, FlowStatistic.Count);

    public Measurement Measure(Period period)
    {
        var from = Slot(period.Start.DayNumber);
        var to = Slot(period.End.DayNumber + 1);
        var count = _countBefore[to] - _countBefore[from];
        var numerator = _numeratorBefore[to] - _numeratorBefore[from];
        return _statistic switch
        {
            FlowStatistic.Count => Measurement.Count(count),
            FlowStatistic.Percent => Measurement.Percent(numerator, count),
            _ => Measurement.Mean(numerator, count),
        };
    }

    // The slot counting the events dated before the day.
    private int Slot(int day) => Math.Clamp(day - _firstDay, 0, _countBefore.Length - 1);
}
