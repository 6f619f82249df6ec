namespace PerfPipeline.Loading;

using System.Globalization;

using PerfPipeline.Extracts;
using PerfPipeline.Warehouse;

/// <summary>
/// Holds a batch that would empty an event dataset that held rows, or cut it by more than a set share: an extract job
/// that wrote a header-only file, or lost a join, would otherwise wipe that dataset's history for every period. A
/// dataset that never held rows is not this case (a header-only file for it is the LA not supplying it).
/// </summary>
internal static class ShrinkGuard
{
    /// <summary>One event dataset the batch would shrink: its current rows and the batch's.</summary>
    public sealed record Shrink(string Dataset, long CurrentRows, long NewRows, string CurrentLoadId)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Dataset} would go from {CurrentRows:N0} rows (load {CurrentLoadId}) to {NewRows:N0} ({(NewRows - CurrentRows) * 100.0 / CurrentRows:0.#}%)");
    }

    /// <summary>The event datasets of <paramref name="extract"/> that would drop by more than <paramref name="maxShrinkShare"/> (or to nothing).</summary>
    public static IReadOnlyList<Shrink> Find(ExtractBatch extract, string laCode, DateOnly asAt, string loadId, IReadOnlyList<LoadRecord> loads, double maxShrinkShare)
    {
        var shrinks = new List<Shrink>();
        foreach (var dataset in extract.Datasets)
        {
            if (dataset.Contract.Kind != DatasetKind.Event)
            {
                continue;
            }

            foreach (var load in loads)
            {
                if (load.Key.LaCode != laCode || load.Status != LoadStatus.Loaded || load.LoadId == loadId || load.Key.AsAt > asAt)
                {
                    continue;
                }

                var current = load.Datasets.FirstOrDefault(d => d.Outcome == DatasetOutcome.Current && d.Counts.Dataset == dataset.Contract.Name);
                if (current is null || current.Counts.RowsLoaded == 0)
                {
                    continue;
                }

                var now = dataset.RowsAccepted;
                if (now == 0 || now < current.Counts.RowsLoaded * (1 - maxShrinkShare))
                {
                    shrinks.Add(new Shrink(dataset.Contract.Name, current.Counts.RowsLoaded, now, load.LoadId));
                }
            }
        }

        return shrinks;
    }
}
