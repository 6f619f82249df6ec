namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;

/// <summary>
/// Snapshot datasets: period end D is served by the batch with <c>as_at</c> in D .. D + 7 days (the nearest);
/// none means not available, never 0.
/// </summary>
internal sealed class SnapshotRows<T>
{
    private const int ServingWindowDays = 7;

    private readonly Snapshot<T>[] _byAsAt;
    private readonly int[] _asAtDays;

    public SnapshotRows(IEnumerable<Snapshot<T>> snapshots)
    {
        _byAsAt = [.. snapshots.OrderBy(s => s.AsAt)];
        _asAtDays = [.. _byAsAt.Select(s => s.AsAt.DayNumber)];
    }

    public Snapshot<T>? Serving(DateOnly periodEnd)
    {
        var index = SortedDays.LowerBound(_asAtDays, periodEnd.DayNumber);
        return index < _asAtDays.Length && _asAtDays[index] <= periodEnd.DayNumber + ServingWindowDays ? _byAsAt[index] : null;
    }

    public Measurement Count(DateOnly periodEnd, Func<T, bool> include) =>
        Serving(periodEnd) is { } snapshot ? Measurement.Count(snapshot.Rows.Count(include)) : Measurement.NotAvailable;

    public Measurement Percent(DateOnly periodEnd, Func<T, bool> cohort, Func<T, bool> numerator)
    {
        if (Serving(periodEnd) is not { } snapshot)
        {
            return Measurement.NotAvailable;
        }

        long inCohort = 0, counted = 0;
        foreach (var row in snapshot.Rows)
        {
            if (cohort(row))
            {
                inCohort++;
                counted += numerator(row) ? 1 : 0;
            }
        }

        return Measurement.Percent(counted, inCohort);
    }
}
