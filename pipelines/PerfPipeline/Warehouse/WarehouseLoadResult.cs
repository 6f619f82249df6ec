namespace PerfPipeline.Warehouse;

/// <summary>A load as committed, or as found when the batch had been loaded already.</summary>
public sealed record WarehouseLoadResult(LoadRecord Load, bool AlreadyLoaded, int IndicatorValues)
{
    /// <summary>
    /// Of the load's time, computing the indicators (and the figures by team) on the case data: from the start of the
    /// computation until both passes end, while the SQLite load inserts its last datasets meanwhile. A SQLite load
    /// that starts the computation before its gate (which archives the batch) counts it from the gate's answer: the
    /// archive is a phase of its own, and the phases add up to the load's time.
    /// </summary>
    public TimeSpan IndicatorTime { get; init; }

    /// <summary>Of the load's time, writing those values (and the work list).</summary>
    public TimeSpan IndicatorWriteTime { get; init; }

    /// <summary>What the load says of its figures beyond its issues: the bank holidays not reaching its as-at date.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
