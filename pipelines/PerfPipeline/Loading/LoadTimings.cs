namespace PerfPipeline.Loading;

/// <summary>
/// Where one batch's time went (<c>run --timings</c>): reading and validating its files, archiving them, the warehouse
/// load of its rows, computing the indicators and writing them. Measured on the loader's clock; zero for phases a
/// batch did not reach. The phases do not overlap, though the work does: with the SQLite warehouse the inserts run
/// beside the read, and the indicators beside the archive and the last inserts. Reading ends when the last file is
/// read and checked; the archive is its own time; the indicators count from the archive's end (or their start, if
/// later) to their end; the load is what remains.
/// </summary>
public sealed record LoadTimings(TimeSpan ReadAndValidate, TimeSpan Archive, TimeSpan Load, TimeSpan Indicators, TimeSpan IndicatorWrite)
{
    public static LoadTimings None { get; } = new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

    public TimeSpan Total => ReadAndValidate + Archive + Load + Indicators + IndicatorWrite;

    /// <summary>The phases of several batches added up.</summary>
    public static LoadTimings Sum(IEnumerable<LoadTimings> timings)
    {
        ArgumentNullException.ThrowIfNull(timings);
        return timings.Aggregate(None, (a, b) => new LoadTimings(
            a.ReadAndValidate + b.ReadAndValidate, a.Archive + b.Archive, a.Load + b.Load, a.Indicators + b.Indicators, a.IndicatorWrite + b.IndicatorWrite));
    }
}
