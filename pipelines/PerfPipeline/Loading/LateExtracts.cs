namespace PerfPipeline.Loading;

using PerfPipeline.Batches;
using PerfPipeline.Calendar;

/// <summary>Which LAs have not sent the batch for last month: the monthly sweep flags them.</summary>
public static class LateExtracts
{
    /// <summary>The month whose extract is due by <paramref name="today"/>: the previous calendar month.</summary>
    public static Period DueMonth(DateOnly today)
    {
        var previous = today.AddMonths(-1);
        return Period.Month(previous.Year, previous.Month);
    }

    /// <summary>
    /// Every LA that has sent batches before but none as at a date in <see cref="DueMonth"/> or later
    /// (an extract taken on the last working day, the month end or the day after all count).
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<BatchLocation> batches, DateOnly today)
    {
        var due = DueMonth(today);
        return [.. batches
            .GroupBy(b => b.LaCode, StringComparer.Ordinal)
            .Where(la => la.Max(b => b.AsAt) < due.Start)
            .Select(la => la.Key)
            .Order(StringComparer.Ordinal)];
    }
}
