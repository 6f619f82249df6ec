namespace PerfPipeline.Loading;

using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;

using Polly;
using Polly.Retry;

/// <summary>
/// Loads one batch once, however often and however concurrently it is asked to: the batch lock keeps a second worker
/// out while the first loads, and the warehouse's load key turns a later request into "already loaded". A load that
/// fails for a transient cause is retried (<see cref="LoadRetryOptions"/>); when the retries are spent the failure stays
/// recorded and <see cref="LoadFailedException"/> is thrown, so the host's retry and poison handling apply. A failure
/// retrying cannot fix (the batch's own content) is recorded and quarantined by the loader and returned, not thrown.
/// </summary>
public sealed partial class ExactlyOnceLoader
{
    private readonly BatchLoader loader;
    private readonly IBatchLock batchLock;
    private readonly ILogger logger;
    private readonly ResiliencePipeline<LoadOutcome> retries;

    public ExactlyOnceLoader(BatchLoader loader, IBatchLock batchLock, LoadRetryOptions retryOptions, TimeProvider timeProvider, ILogger<ExactlyOnceLoader> logger)
    {
        ArgumentNullException.ThrowIfNull(retryOptions);
        this.loader = loader;
        this.batchLock = batchLock;
        this.logger = logger;
        retries = new ResiliencePipelineBuilder<LoadOutcome> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<LoadOutcome>
            {
                ShouldHandle = new PredicateBuilder<LoadOutcome>()
                    .Handle<Exception>(TransientFault.Is)
                    .HandleResult(outcome => outcome is { Kind: LoadOutcomeKind.Failed, Transient: true }),
                MaxRetryAttempts = retryOptions.MaxRetryAttempts,
                Delay = retryOptions.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LoadRetrying(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Result?.LoadId, args.Outcome.Result?.Error ?? args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Loads the batch unless it is loaded already; returns null when another worker is loading it right now.
    /// A rejected batch is quarantined and returned as such: retrying cannot make it valid.
    /// </summary>
    /// <exception cref="LoadFailedException">Every attempt to load the batch failed for a transient cause.</exception>
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
            var outcome = await retries.ExecuteAsync(
                static (state, ct) => new ValueTask<LoadOutcome>(state.loader.LoadBatchAsync(state.batch, ct)),
                (loader, batch),
                cancellationToken).ConfigureAwait(false);
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

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Load {LoadId} of batch {LaCode}/{AsAt} failed after every retry; recorded as failed, replay it once the cause is fixed: {Error}")]
    private partial void LoadFailed(string loadId, string laCode, DateOnly asAt, string? error);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Load {LoadId} of batch {LaCode}/{AsAt} failed for a reason retrying cannot fix; recorded as failed and quarantined: {Error}")]
    private partial void LoadFailedForGood(string loadId, string laCode, DateOnly asAt, string? error);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Batch {LaCode}/{AsAt} held (load {LoadId}), needs confirmation: {Reason}")]
    private partial void BatchHeld(string loadId, string laCode, DateOnly asAt, string? reason);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Batch {LaCode}/{AsAt} is being loaded by another worker; leaving it to that one")]
    private partial void BatchBusy(string laCode, DateOnly asAt);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Load {LoadId} failed; attempt {Attempt} in {Delay}: {Error}")]
    private partial void LoadRetrying(int attempt, TimeSpan delay, string? loadId, string? error);
}
