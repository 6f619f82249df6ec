namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// Events counted per day with running totals of their count and numerators, so the events of any period are two
/// subtractions. Built in one pass, without sorting (the contract's dates lie in 1900-2100, so a day's slot is cheap).
/// </summary>
internal sealed class FlowSeries : IMeasure
{
    // _countBefore[i] and _numeratorBefore[i]: the events dated before day _firstDay + i, and their numerators' sum; the
    // last slot holds every event.
    private readonly int _firstDay;
    private readonly long[] _countBefore;
    private readonly long[] _numeratorBefore;
    private readonly FlowStatistic _statistic;

    private FlowSeries(List<int> days, List<long> numerators, FlowStatistic statistic)
    {
        _firstDay = days.Count == 0 ? 0 : days.Min();
        var slots = days.Count == 0 ? 1 : days.Max() - _firstDay + 2;
        _countBefore = new long[slots];
        _numeratorBefore = new long[slots];
        for (var i = 0; i < days.Count; i++)
        {
            _countBefore[days[i] - _firstDay + 1]++;
            _numeratorBefore[days[i] - _firstDay + 1] += numerators[i];
        }

        for (var slot = 1; slot < slots; slot++)
        {
            _countBefore[slot] += _countBefore[slot - 1];
            _numeratorBefore[slot] += _numeratorBefore[slot - 1];
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

        return new(days, numerators, statistic);
    }

    /// <summary>Events given as day numbers and their numerators, in any order.</summary>
    public static FlowSeries FromEvents(List<int> days, List<long> numerators, FlowStatistic statistic) => new(days, numerators, statistic);

    public static FlowSeries Count<T>(IReadOnlyCollection<T> rows, Func<T, DateOnly?> date) =>
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
