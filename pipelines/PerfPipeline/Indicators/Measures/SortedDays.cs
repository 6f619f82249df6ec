namespace PerfPipeline.Indicators.Measures;

/// <summary>Searches over ascending arrays of day numbers (<see cref="DateOnly.DayNumber"/>).</summary>
internal static class SortedDays
{
    /// <summary>The first index whose value is ≥ <paramref name="value"/>.</summary>
    public static int LowerBound(int[] sorted, int value)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (int)((uint)(low + high) >> 1);
            if (sorted[middle] < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>How many values are ≤ <paramref name="value"/>.</summary>
    public static int CountThrough(int[] sorted, int value) => LowerBound(sorted, value + 1);
}
