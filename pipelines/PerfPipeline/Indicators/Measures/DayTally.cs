namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// Events counted per day, with the sum of their numerators, over a range of days that grows as the events come: memory
/// follows the days spanned, not the number of events, so a flow of 690k visits needs no list of them (docs/performance.md).
/// </summary>
internal sealed class DayTally
{
    private const int InitialDays = 64;

    private int _firstDay;
    private long[] _counts = [];
    private long[] _numerators = [];

    /// <summary>Whether any event was added.</summary>
    public bool IsEmpty => _counts.Length == 0;

    public void Add(int day, long numerator)
    {
        if (_counts.Length == 0)
        {
            (_firstDay, _counts, _numerators) = (day, new long[InitialDays], new long[InitialDays]);
        }
        else if ((uint)(day - _firstDay) >= (uint)_counts.Length)
        {
            Grow(day);
        }

        _counts[day - _firstDay]++;
        _numerators[day - _firstDay] += numerator;
    }

    /// <summary>
    /// The first day of the tally and, for each slot i, the events dated before day first + i and their numerators' sum;
    /// the last slot holds every event.
    /// </summary>
    public (int FirstDay, long[] CountBefore, long[] NumeratorBefore) RunningTotals()
    {
        var countBefore = new long[_counts.Length + 1];
        var numeratorBefore = new long[_counts.Length + 1];
        for (var i = 0; i < _counts.Length; i++)
        {
            countBefore[i + 1] = countBefore[i] + _counts[i];
            numeratorBefore[i + 1] = numeratorBefore[i] + _numerators[i];
        }

        return (_firstDay, countBefore, numeratorBefore);
    }

    // At least doubles the range, towards the side the day lies on, so n events in d days cost O(n + d).
    private void Grow(int day)
    {
        var lastDay = _firstDay + _counts.Length - 1;
        var length = Math.Max(_counts.Length * 2, Math.Max(lastDay, day) - Math.Min(_firstDay, day) + 1);
        var firstDay = day < _firstDay ? lastDay - length + 1 : _firstDay;
        var counts = new long[length];
        var numerators = new long[length];
        Array.Copy(_counts, 0, counts, _firstDay - firstDay, _counts.Length);
        Array.Copy(_numerators, 0, numerators, _firstDay - firstDay, _numerators.Length);
        (_firstDay, _counts, _numerators) = (firstDay, counts, numerators);
    }
}
