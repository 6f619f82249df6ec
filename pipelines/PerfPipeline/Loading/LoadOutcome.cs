namespace PerfPipeline.Loading;

using PerfPipeline.Batches;
using PerfPipeline.Warehouse;

/// <summary>What happened to one batch, with its rows per dataset; <see cref="Error"/> says why it was rejected or failed.</summary>
public sealed record LoadOutcome(BatchLocation Batch, string LoadId, LoadOutcomeKind Kind, IReadOnlyList<DatasetCounts> Datasets, string? Error = null)
{
    public bool Succeeded => Kind is LoadOutcomeKind.Loaded or LoadOutcomeKind.AlreadyLoaded;

    /// <summary>
    /// For a failed load: the cause may pass (storage or database briefly unavailable), so trying again may succeed. A
    /// failure that is not transient (the batch's own content) is recorded and quarantined; retrying cannot fix it.
    /// </summary>
    public bool Transient { get; init; }

    /// <summary>Where the batch's time went, phase by phase (<c>run --timings</c>).</summary>
    public LoadTimings Timings { get; init; } = LoadTimings.None;

    /// <summary>For a load: what it says of its figures beyond its issues (the bank holidays not reaching its as-at date).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
