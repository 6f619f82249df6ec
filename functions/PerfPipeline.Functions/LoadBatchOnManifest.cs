namespace PerfPipeline.Functions;

using Azure.Storage.Blobs;

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;
using PerfPipeline.Loading;

/// <summary>
/// A batch's manifest arrived (the LA's job writes it last): load the batch. Event Grid may deliver the event twice
/// or late; the load happens once (<see cref="ExactlyOnceLoader"/>). A failure throws, so the host retries the
/// invocation (<c>extensions.blobs.poisonBlobThreshold</c> in host.json) while the warehouse keeps it recorded as failed.
/// </summary>
public sealed partial class LoadBatchOnManifest(ExactlyOnceLoader loader, ILogger<LoadBatchOnManifest> logger)
{
    [Function(nameof(LoadBatchOnManifest))]
    public async Task Run(
        [BlobTrigger("extracts/{la}/{asAt}/manifest.json", Connection = "ExtractsStorage", Source = BlobTriggerSource.EventGrid)] BlobClient manifest,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (!BatchLocation.TryParseManifestPath(manifest.Name, out var batch))
        {
            NotABatch(manifest.Name);
            return;
        }

        await loader.LoadAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Ignored {BlobName}: not a batch manifest ({{la_code}}/{{yyyy-MM-dd}}/manifest.json)")]
    private partial void NotABatch(string blobName);
}
