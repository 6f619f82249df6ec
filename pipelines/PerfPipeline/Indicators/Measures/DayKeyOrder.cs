namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// Puts rows in the order the measures walk them: by a (number, day) pair packed into one 64-bit key (a person's or a
/// container's number in the high half, the day in the low), then rows with equal keys by their id, compared ordinally,
/// so that the order never depends on the order of the rows in the file.
/// </summary>
internal static class DayKeyOrder
{
    /// <summary>A key for <paramref name="number"/> (a person's, a container's) on <paramref name="day"/>.</summary>
    public static long Key(int number, DateOnly day) => ((long)number << 32) | (uint)day.DayNumber;

    /// <summary>Sorts <paramref name="keys"/> and the row positions in <paramref name="order"/> with them, equal keys by <paramref name="idOf"/>.</summary>
    public static void Sort(long[] keys, int[] order, Func<int, string> idOf)
    {
        Array.Sort(keys, order);
        var byId = Comparer<int>.Create((a, b) => string.CompareOrdinal(idOf(a), idOf(b)));
        for (var from = 0; from < keys.Length;)
        {
            var to = from + 1;
            while (to < keys.Length && keys[to] == keys[from])
            {
                to++;
            }

            if (to - from > 1)
            {
                Array.Sort(order, from, to - from, byId);
            }

            from = to;
        }
    }
}
