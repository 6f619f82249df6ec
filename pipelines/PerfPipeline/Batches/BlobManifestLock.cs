namespace PerfPipeline.Batches;

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

using Microsoft.Extensions.Logging;

/// <summary>
/// A lease on the batch's <c>manifest.json</c> while it loads. A lease changes neither the blob's content nor its
/// ETag; while held, the LA's job cannot overwrite the manifest (it gets 412), which also keeps a batch from changing
/// under a load. The lease lasts <see cref="LeaseDuration"/> and is renewed well before it ends, so a worker that dies
/// holds the batch for at most that long.
/// </summary>
internal sealed partial class BlobManifestLock(BlobServiceClient service, BlobBatchSourceOptions options, TimeProvider timeProvider, ILogger<BlobManifestLock> logger) : IBatchLock
{
    internal static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    private readonly BlobContainerClient extracts = service.GetBlobContainerClient(options.ExtractsContainer);

    public async Task<IAsyncDisposable?> TryAcquireAsync(BatchLocation batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lease = extracts.GetBlobClient($"{batch.Path}/{BatchFileNames.Manifest}").GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null; // LeaseAlreadyPresent: another worker is loading it
        }

        return new Held(lease, batch, timeProvider, logger);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "Could not renew the lease on the manifest of batch {Batch}; the warehouse load key still keeps the load single")]
    private static partial void LeaseRenewalFailed(ILogger logger, Exception exception, BatchLocation batch);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Could not release the lease on the manifest of batch {Batch}; it lapses by itself")]
    private static partial void LeaseReleaseFailed(ILogger logger, Exception exception, BatchLocation batch);

    /// <summary>A held lease, renewed at a third of its duration until disposed.</summary>
    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient lease;
        private readonly BatchLocation batch;
        private readonly ILogger logger;
        private readonly CancellationTokenSource stop = new();
        private readonly Task renewing;

        public Held(BlobLeaseClient lease, BatchLocation batch, TimeProvider timeProvider, ILogger logger)
        {
            this.lease = lease;
            this.batch = batch;
            this.logger = logger;
            renewing = RenewAsync(timeProvider, stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            stop.Dispose();
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                LeaseReleaseFailed(logger, e, batch);
            }
        }

        private async Task RenewAsync(TimeProvider timeProvider, CancellationToken cancellationToken)
        {
            using var timer = new PeriodicTimer(LeaseDuration / 3, timeProvider);
            try
            {
                while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException e)
                    {
                        LeaseRenewalFailed(logger, e, batch);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Disposed: the load is over.
            }
        }
    }
}
