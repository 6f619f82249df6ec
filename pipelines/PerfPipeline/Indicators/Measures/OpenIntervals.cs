namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// Date-range records (CP plans, care episodes) merged per person, so "distinct persons with a record open at
/// D" (start ≤ D and end null or after D) is the number of merged starts ≤ D minus merged ends ≤ D.
/// </summary>
internal sealed class OpenIntervals
{
    private const int Open = int.MaxValue;

    // Merged per person, disjoint: a person is open at D in at most one of them. Sorted by start.
    private readonly (int Person, int Start, int End)[] _intervals;
    private readonly int[] _starts;
    private readonly int[] _ends;

    private OpenIntervals((int Person, int Start, int End)[] intervals)
    {
        _intervals = intervals;
        _starts = [.. intervals.Select(i => i.Start)];
        _ends = [.. intervals.Select(i => i.End)];
        Array.Sort(_ends);
    }

    public static OpenIntervals Create<T>(
        IEnumerable<T> rows, PersonIndex persons, Func<T, string> person, Func<T, DateOnly> start, Func<T, DateOnly?> end)
    {
        // Half-open [start, end): a record ending on D is no longer open at D; an empty one never is.
        var ranges = new List<(int Person, int Start, int End)>();
        foreach (var row in rows)
        {
            var from = start(row).DayNumber;
            var to = end(row)?.DayNumber ?? Open;
            if (to > from)
            {
                ranges.Add((persons.NumberOf(person(row)), from, to));
            }
        }

        ranges.Sort();
        var merged = new List<(int Person, int Start, int End)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && merged[^1].Person == range.Person && range.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, range.End) };
            }
            else
            {
                merged.Add(range);
            }
        }

        merged.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return new([.. merged]);
    }

    public int CountOpenAt(DateOnly date) =>
        SortedDays.CountThrough(_starts, date.DayNumber) - SortedDays.CountThrough(_ends, date.DayNumber);

    /// <summary>The persons open at <paramref name="date"/>, each once.</summary>
    public List<int> PersonsOpenAt(DateOnly date)
    {
        var day = date.DayNumber;
        var persons = new List<int>();
        var startedBy = SortedDays.CountThrough(_starts, day);
        for (var i = 0; i < startedBy; i++)
        {
            if (_intervals[i].End > day)
            {
                persons.Add(_intervals[i].Person);
            }
        }

        return persons;
    }
}
