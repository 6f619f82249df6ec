namespace PerfPipeline.Loading;

using PerfPipeline.Batches;

/// <summary>
/// Reported as batch <see cref="Number"/> of <see cref="Count"/> starts (<see cref="LoadStep.Starting"/>) and as it
/// moves on: each file it reads (<see cref="File"/>), then archiving and loading.
/// </summary>
public sealed record LoadProgress(BatchLocation Batch, int Number, int Count)
{
    public LoadStep Step { get; init; } = LoadStep.Starting;

    /// <summary>The file being read, for <see cref="LoadStep.Reading"/>.</summary>
    public string? File { get; init; }
}

/// <summary>Where a batch's load has got to.</summary>
public enum LoadStep
{
    Starting,

    /// <summary>Reading, validating and pseudonymising a file of the batch (one per dataset, and the manifest).</summary>
    Reading,

    Archiving,

    /// <summary>The warehouse load: datasets, indicators and their write, in one transaction.</summary>
    Loading,
}
