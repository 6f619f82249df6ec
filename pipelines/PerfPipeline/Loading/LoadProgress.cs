namespace PerfPipeline.Loading;

using PerfPipeline.Batches;

/// <summary>Reported as each batch starts: batch <see cref="Number"/> of <see cref="Count"/>.</summary>
public sealed record LoadProgress(BatchLocation Batch, int Number, int Count);
