namespace PerfPipeline.Functions;

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;
using PerfPipeline.Loading;
using PerfPipeline.Reference;

/// <summary>
/// A batch's manifest arrived (the LA's job writes it last): Event Grid put its <c>BlobCreated</c> event on the
/// <c>manifest-events</c> queue, and this loads the batch. A message may come twice or late; the load happens once
/// (<see cref="ExactlyOnceLoader"/>). A failure throws, so the message comes back after its visibility timeout and,
/// after <c>extensions.queues.maxDequeueCount</c> (host.json) attempts, moves to <c>manifest-events-poison</c>, where
/// an alert fires (docs/operations.md); the warehouse keeps the load recorded as failed for replay. The reference data
/// beside the batches (<c>reference/</c> and the LA's <c>{la}/reference/</c>) is imported first, so the batch's figures
/// use it; a reference folder's own <c>manifest.json</c> imports that folder at once (docs/reference.md).
/// </summary>
public sealed partial class LoadBatchOnManifest(
    ExactlyOnceLoader loader, BlobReferenceLoader references, BlobBatchSourceOptions containers, ILogger<LoadBatchOnManifest> logger)
{
    /// <summary>The queue the Event Grid subscription delivers to (infra/modules/event-grid.bicep creates it).</summary>
    public const string QueueName = "manifest-events";

    [Function(nameof(LoadBatchOnManifest))]
    public async Task Run([QueueTrigger(QueueName, Connection = "ExtractsStorage")] string message, CancellationToken cancellationToken)
    {
        // A message that is not a BlobCreated event throws here and ends in the poison queue, where it is seen.
        var created = BlobCreatedEvent.Parse(message);
        if (created.TryGetBatch(containers.ExtractsContainer, out var batch))
        {
            await references.ImportAsync(batch.LaCode, cancellationToken).ConfigureAwait(false);
            await loader.LoadAsync(batch, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (references.IsReferenceBlob(created.Container, created.BlobName, out var laCode))
        {
            await references.ImportAsync(laCode, cancellationToken).ConfigureAwait(false);
            return;
        }

        NotABatch(created.Container, created.BlobName);
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Ignored {Container}/{BlobName}: not a batch manifest (extracts/{{la_code}}/{{yyyy-MM-dd}}/manifest.json) nor a reference folder's")]
    private partial void NotABatch(string container, string blobName);
}
