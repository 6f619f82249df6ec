namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// Distinct persons with an event dated in the period; a person counts once, by their first event in the
/// period, and is in the numerator when that event is flagged. Each period walks only its own events, so
/// all months, quarters and years together cost three passes over the events.
/// </summary>
internal sealed class DistinctPersonFlow : IMeasure
{
    private readonly int[] _days;
    private readonly int[] _persons;
    private readonly bool[] _flags;

    // The day of the same person's event before this one in date order (int.MinValue for their first): an event is its
    // person's first in a period when that day falls before the period. Read-only once built, so the LA's figure and the
    // figures by team can walk one flow at once.
    private readonly int[] _previousDay;
    private readonly FlowStatistic _statistic;

    private DistinctPersonFlow(List<(int Day, int Person, bool Flag)> events, int personCount, FlowStatistic statistic)
    {
        events.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        _days = [.. events.Select(e => e.Day)];
        _persons = [.. events.Select(e => e.Person)];
        _flags = [.. events.Select(e => e.Flag)];
        _previousDay = new int[events.Count];
        var lastDay = new int[personCount];
        Array.Fill(lastDay, int.MinValue);
        for (var i = 0; i < _days.Length; i++)
        {
            _previousDay[i] = lastDay[_persons[i]];
            lastDay[_persons[i]] = _days[i];
        }

        _statistic = statistic;
    }

    public static DistinctPersonFlow Create<T>(
        IEnumerable<T> rows, KeyIndex persons, Func<T, DateOnly?> date, Func<T, string> person, Func<T, bool> flag,
        FlowStatistic statistic)
    {
        var events = new List<(int Day, int Person, bool Flag)>();
        var personCount = 0;
        foreach (var row in rows)
        {
            if (date(row) is { } day)
            {
                var number = persons.NumberOf(person(row));
                personCount = Math.Max(personCount, number + 1);
                events.Add((day.DayNumber, number, flag(row)));
            }
        }

        return new(events, personCount, statistic);
    }

    public Measurement Measure(Period period)
    {
        var tally = new Tally();
        Walk(period, ref tally);
        return _statistic == FlowStatistic.Percent ? Measurement.Percent(tally.Flagged, tally.Persons) : Measurement.Count(tally.Persons);
    }

    /// <summary>The persons the period counts (by number), each once with the flag of their first event in it.</summary>
    public List<(int Person, bool Flag)> CountedIn(Period period)
    {
        var counted = new Counted([]);
        Walk(period, ref counted);
        return counted.Persons;
    }

    // One walk for both the figure and the breakdown by team, so they cannot count differently.
    private void Walk<TSink>(Period period, ref TSink sink)
        where TSink : struct, ISink
    {
        var start = period.Start.DayNumber;
        var from = SortedDays.LowerBound(_days, start);
        var to = SortedDays.CountThrough(_days, period.End.DayNumber);
        for (var i = from; i < to; i++)
        {
            if (_previousDay[i] < start)
            {
                sink.Add(_persons[i], _flags[i]);
            }
        }
    }

    private interface ISink
    {
        void Add(int person, bool flag);
    }

    private struct Tally : ISink
    {
        public long Persons;
        public long Flagged;

        public void Add(int person, bool flag)
        {
            Persons++;
            Flagged += flag ? 1 : 0;
        }
    }

    private readonly record struct Counted(List<(int Person, bool Flag)> Persons) : ISink
    {
        public void Add(int person, bool flag) => Persons.Add((person, flag));
    }
}
