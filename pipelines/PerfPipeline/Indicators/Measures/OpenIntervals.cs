namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// Date-range records (CP plans, care episodes) merged per person, so "distinct persons with a record open at
/// D" (start ≤ D and end null or after D) is the number of merged starts ≤ D minus merged ends ≤ D.
/// </summary>
internal sealed class OpenIntervals
{
    private const int Open = int.MaxValue;

    // Merged per person, so disjoint: a person is open at D in at most one. Sorted by start.
    private readonly int[] _starts;
    private readonly int[] _persons;
    private readonly int[] _endsByStart;
    private readonly int[] _ends;

    private OpenIntervals(int[] starts, int[] persons, int[] ends)
    {
        _starts = starts;
        _persons = persons;
        _endsByStart = ends;
        _ends = [.. ends];
        Array.Sort(_ends);
    }

    public static OpenIntervals Create<T>(
        IReadOnlyCollection<T> rows, KeyIndex persons, Func<T, string> person, Func<T, DateOnly> start, Func<T, DateOnly?> end)
    {
        // Half-open [start, end): a record ending on D is no longer open at D; an empty one never is.
        var byPersonAndStart = new List<long>(rows.Count);
        var ends = new List<int>(rows.Count);
        foreach (var row in rows)
        {
            var from = start(row).DayNumber;
            var to = end(row)?.DayNumber ?? Open;
            if (to > from)
            {
                byPersonAndStart.Add(((long)persons.NumberOf(person(row)) << 32) | (uint)from);
                ends.Add(to);
            }
        }

        var keys = byPersonAndStart.ToArray();
        var endsByKey = ends.ToArray();
        Array.Sort(keys, endsByKey);

        var mergedStarts = new List<int>(keys.Length);
        var mergedPersons = new List<int>(keys.Length);
        var mergedEnds = new List<int>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            var (owner, from, to) = ((int)(keys[i] >> 32), (int)(uint)keys[i], endsByKey[i]);
            var last = mergedEnds.Count - 1;
            if (last >= 0 && mergedPersons[last] == owner && from <= mergedEnds[last])
            {
                mergedEnds[last] = Math.Max(mergedEnds[last], to);
            }
            else
            {
                mergedStarts.Add(from);
                mergedPersons.Add(owner);
                mergedEnds.Add(to);
            }
        }

        var starts = mergedStarts.ToArray();
        var order = Enumerable.Range(0, starts.Length).ToArray();
        Array.Sort(starts, order);
        return new(starts, [.. order.Select(i => mergedPersons[i])], [.. order.Select(i => mergedEnds[i])]);
    }

    /// <summary>The merged ranges [Start, End) of days, each with its person (End is int.MaxValue while open), by start.</summary>
    public IEnumerable<(int Person, int Start, int End)> Ranges()
    {
        for (var i = 0; i < _starts.Length; i++)
        {
            yield return (_persons[i], _starts[i], _endsByStart[i]);
        }
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
            if (_endsByStart[i] > day)
            {
                persons.Add(_persons[i]);
            }
        }

        return persons;
    }
}
