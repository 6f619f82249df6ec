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
    private readonly FlowStatistic _statistic;

    // _seenIn[person] = the query number that last counted the person (avoids clearing a set per period).
    private readonly int[] _seenIn;
    private int _query;

    private DistinctPersonFlow(List<(int Day, int Person, bool Flag)> events, int personCount, FlowStatistic statistic)
    {
        events.Sort(static (a, b) => a.Day.CompareTo(b.Day));
        _days = [.. events.Select(e => e.Day)];
        _persons = [.. events.Select(e => e.Person)];
        _flags = [.. events.Select(e => e.Flag)];
        _seenIn = new int[personCount];
        _statistic = statistic;
    }

    public static DistinctPersonFlow Create<T>(
        IEnumerable<T> rows, KeyIndex persons, Func<T, DateOnly?> date, Func<T, string> person, Func<T, bool> flag,
        FlowStatistic statistic)
    {
        var events = new List<(int Day, int Person, bool Flag)>();
        foreach (var row in rows)
        {
            if (date(row) is { } day)
            {
                events.Add((day.DayNumber, persons.NumberOf(person(row)), flag(row)));
            }
        }

        return new(events, persons.Count, statistic);
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
        var query = ++_query;
        var from = SortedDays.LowerBound(_days, period.Start.DayNumber);
        var to = SortedDays.CountThrough(_days, period.End.DayNumber);
        for (var i = from; i < to; i++)
        {
            var person = _persons[i];
            if (_seenIn[person] != query)
            {
                _seenIn[person] = query;
                sink.Add(person, _flags[i]);
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
