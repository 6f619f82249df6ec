namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;

/// <summary>
/// Snapshot datasets: period end D is served by the batch with <c>as_at</c> in D .. D + 7 days (the nearest);
/// none means not available, never 0; when the LA never supplied the dataset, with that reason.
/// </summary>
internal sealed class SnapshotRows<T>
{
    private const int ServingWindowDays = 7;

    private readonly Snapshot<T>[] _byAsAt;
    private readonly int[] _asAtDays;
    private readonly Measurement _notAvailable;

    /// <param name="dataset">The snapshot dataset's name, for the reason when no batch ever carried a row of it.</param>
    public SnapshotRows(IEnumerable<Snapshot<T>> snapshots, string? dataset = null)
    {
        _byAsAt = [.. snapshots.OrderBy(s => s.AsAt)];
        _asAtDays = [.. _byAsAt.Select(s => s.AsAt.DayNumber)];
        _notAvailable = _byAsAt.Length == 0 && dataset is not null
            ? Measurement.NotAvailable with { Reason = $"{dataset} not supplied" }
            : Measurement.NotAvailable;
    }

    public Snapshot<T>? Serving(DateOnly periodEnd)
    {
        var index = SortedDays.LowerBound(_asAtDays, periodEnd.DayNumber);
        return index < _asAtDays.Length && _asAtDays[index] <= periodEnd.DayNumber + ServingWindowDays ? _byAsAt[index] : null;
    }

    public Measurement Count(DateOnly periodEnd, Func<T, bool> include) =>
        Serving(periodEnd) is { } snapshot ? Measurement.Count(snapshot.Rows.Count(include)) : _notAvailable;

    public Measurement Percent(DateOnly periodEnd, Func<T, bool> cohort, Func<T, bool> numerator)
    {
        if (Serving(periodEnd) is not { } snapshot)
        {
            return _notAvailable;
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
