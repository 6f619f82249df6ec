namespace PerfPipeline.Loading;

using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;

/// <summary>
/// Loads one batch once, however often and however concurrently it is asked to: the batch lock keeps a second worker
/// out while the first loads, and the warehouse's load key turns a later request into "already loaded". Nothing is
/// retried here: storage requests are retried by the storage client and the warehouse's transaction by the warehouse
/// (on transient faults only, within one budget: docs/functions.md), so a load that fails has spent those budgets or
/// failed for a cause retrying cannot fix, and it is attempted once. A transient failure is recorded and
/// <see cref="LoadFailedException"/> is thrown, so the host reports the invocation as failed (it does not retry it:
/// host.json); a failure retrying cannot fix (the batch's own content) is recorded and quarantined by the loader and
/// returned, not thrown.
/// </summary>
public sealed partial class ExactlyOnceLoader(BatchLoader loader, IBatchLock batchLock, ILogger<ExactlyOnceLoader> logger)
{
    /// <summary>
    /// Loads the batch unless it is loaded already; returns null when another worker is loading it right now.
    /// A rejected batch is quarantined and returned as such: retrying cannot make it valid.
    /// </summary>
    /// <exception cref="LoadFailedException">The load failed for a transient cause, after the lower layers' retries.</exception>
    public async Task<LoadOutcome?> LoadAsync(BatchLocation batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var held = await batchLock.TryAcquireAsync(batch, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            BatchBusy(batch.LaCode, batch.AsAt);
            return null;
        }

        await using (held.ConfigureAwait(false))
        {
            var outcome = await loader.LoadBatchAsync(batch, cancellationToken).ConfigureAwait(false);
            Log(outcome);
            return outcome is { Kind: LoadOutcomeKind.Failed, Transient: true } ? throw new LoadFailedException([outcome]) : outcome;
        }
    }

    private void Log(LoadOutcome outcome)
    {
        var (la, asAt) = (outcome.Batch.LaCode, outcome.Batch.AsAt);
        switch (outcome.Kind)
        {
            case LoadOutcomeKind.Loaded:
                var (loaded, rejected) = (outcome.Datasets.Sum(d => d.RowsLoaded), outcome.Datasets.Sum(d => d.RowsRejected));
                BatchLoaded(outcome.LoadId, la, asAt, loaded, rejected);
                foreach (var warning in outcome.Warnings)
                {
                    LoadWarning(outcome.LoadId, la, asAt, warning);
                }

                break;
            case LoadOutcomeKind.AlreadyLoaded:
                BatchAlreadyLoaded(outcome.LoadId, la, asAt);
                break;
            case LoadOutcomeKind.Rejected:
                BatchRejected(outcome.LoadId, la, asAt, outcome.Error);
                break;
            case LoadOutcomeKind.NeedsConfirmation:
                BatchHeld(outcome.LoadId, la, asAt, outcome.Error);
                break;
            default:
                if (outcome.Transient)
                {
                    LoadFailed(outcome.LoadId, la, asAt, outcome.Error);
                }
                else
                {
                    LoadFailedForGood(outcome.LoadId, la, asAt, outcome.Error);
                }

                break;
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Loaded batch {LaCode}/{AsAt} as load {LoadId}: {RowsLoaded} rows loaded, {RowsRejected} rejected")]
    private partial void BatchLoaded(string loadId, string laCode, DateOnly asAt, long rowsLoaded, long rowsRejected);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Batch {LaCode}/{AsAt} was loaded before as load {LoadId}; nothing to do")]
    private partial void BatchAlreadyLoaded(string loadId, string laCode, DateOnly asAt);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Batch {LaCode}/{AsAt} rejected (load {LoadId}) and quarantined: {Reason}")]
    private partial void BatchRejected(string loadId, string laCode, DateOnly asAt, string? reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Load {LoadId} of batch {LaCode}/{AsAt} failed; recorded as failed, replay it once the cause is fixed: {Error}")]
    private partial void LoadFailed(string loadId, string laCode, DateOnly asAt, string? error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Load {LoadId} of batch {LaCode}/{AsAt} failed for a reason retrying cannot fix; recorded as failed and quarantined: {Error}")]
    private partial void LoadFailedForGood(string loadId, string laCode, DateOnly asAt, string? error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Batch {LaCode}/{AsAt} held (load {LoadId}), needs confirmation: {Reason}")]
    private partial void BatchHeld(string loadId, string laCode, DateOnly asAt, string? reason);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning, Message = "Load {LoadId} of batch {LaCode}/{AsAt}: {Warning}")]
    private partial void LoadWarning(string loadId, string laCode, DateOnly asAt, string warning);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Batch {LaCode}/{AsAt} is being loaded by another worker; leaving it to that one")]
    private partial void BatchBusy(string laCode, DateOnly asAt);
}
