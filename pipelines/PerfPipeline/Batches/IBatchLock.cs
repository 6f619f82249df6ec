namespace PerfPipeline.Batches;

/// <summary>
/// Keeps two workers from loading the same batch at once (a blob trigger delivered twice, or a trigger racing the
/// monthly sweep). The warehouse's load key still guards a batch loaded earlier; this guards the moment of loading.
/// </summary>
public interface IBatchLock
{
    /// <summary>Takes the batch's lock, or returns null when another worker holds it. Disposing releases it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(BatchLocation batch, CancellationToken cancellationToken = default);
}
