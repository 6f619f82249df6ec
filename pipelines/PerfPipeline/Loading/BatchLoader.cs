namespace PerfPipeline.Loading;

using System.Data.Common;
using System.Security.Cryptography;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Loading;

/// <summary>
/// The load pipeline: for each batch of the source not loaded yet (oldest as_at first), read and validate it; a
/// rejected batch goes to quarantine with its report and nothing reaches the warehouse; an accepted one is archived,
/// then loaded in one transaction. A load that fails, for whatever reason, is recorded as failed (naming the file and
/// row where known) and can be replayed from its copy; a failure that retrying cannot fix also quarantines the batch.
/// One batch's failure never stops the others.
/// </summary>
public sealed class BatchLoader(IBatchSource source, IWarehouse warehouse, ExtractReader reader, TimeProvider timeProvider)
{
    /// <summary>
    /// A batch that would cut an event dataset that held rows by more than this share (or empty it) is held as
    /// <see cref="LoadOutcomeKind.NeedsConfirmation"/> instead of loaded.
    /// </summary>
    public const double MaxShrinkShare = 0.5;

    /// <summary>Loads every batch of the source that is not loaded yet, oldest as_at first.</summary>
    public Task<IReadOnlyList<LoadOutcome>> LoadNewBatchesAsync(IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default) =>
        LoadNewBatchesAsync(progress, acceptShrink: false, cancellationToken);

    /// <summary>Loads every new batch; with <paramref name="acceptShrink"/> a batch that shrinks a dataset is loaded on purpose, and the audit says so.</summary>
    public async Task<IReadOnlyList<LoadOutcome>> LoadNewBatchesAsync(IProgress<LoadProgress>? progress, bool acceptShrink, CancellationToken cancellationToken)
    {
        var batches = new List<BatchLocation>();
        await foreach (var batch in source.FindBatchesAsync(cancellationToken).ConfigureAwait(false))
        {
            batches.Add(batch);
        }

        batches.Sort((a, b) => (a.AsAt, a.LaCode).CompareTo((b.AsAt, b.LaCode)));
        // Each batch's failure is recorded in its outcome (LoadBatchAsync throws only when cancelled): the next batch,
        // of this LA or another, is loaded all the same.
        var outcomes = new List<LoadOutcome>(batches.Count);
        for (var i = 0; i < batches.Count; i++)
        {
            var started = new LoadProgress(batches[i], i + 1, batches.Count);
            progress?.Report(started);
            outcomes.Add(await LoadBatchAsync(batches[i], acceptShrink, progress is null ? null : step => progress.Report(step(started)), cancellationToken)
                .ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Loads one batch of the source unless it is loaded already.</summary>
    public Task<LoadOutcome> LoadBatchAsync(BatchLocation batch, CancellationToken cancellationToken = default) =>
        LoadBatchAsync(batch, acceptShrink: false, cancellationToken);

    /// <summary>Loads one batch unless it is loaded already; <paramref name="acceptShrink"/> loads it even when it shrinks a dataset.</summary>
    public Task<LoadOutcome> LoadBatchAsync(BatchLocation batch, bool acceptShrink, CancellationToken cancellationToken) =>
        LoadBatchAsync(batch, acceptShrink, null, cancellationToken);

    /// <summary>One batch, telling <paramref name="report"/> each step it reaches (given the batch's starting progress, it returns the step's).</summary>
    private async Task<LoadOutcome> LoadBatchAsync(
        BatchLocation batch, bool acceptShrink, Action<Func<LoadProgress, LoadProgress>>? report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var startedAt = timeProvider.GetUtcNow();
        var confirmedBy = acceptShrink ? "run --accept-shrink" : null;
        LoadKey? key = null;
        try
        {
            BatchFileOpener openFile = (fileName, ct) => source.OpenFileAsync(batch, fileName, ct);
            key = new LoadKey(batch.LaCode, batch.AsAt, await ManifestSha256Async(openFile, cancellationToken).ConfigureAwait(false));
            var existing = await warehouse.FindLoadAsync(key.LoadId, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: LoadStatus.Loaded })
            {
                return AlreadyLoaded(existing);
            }

            var watched = report is null ? source : new FileOpeningReporter(source, file => report(p => p with { Step = LoadStep.Reading, File = file }));
            if (warehouse is ILoadWhileReading whileReading)
            {
                return await LoadWhileReadingAsync(whileReading, watched, batch, key, confirmedBy, report, cancellationToken).ConfigureAwait(false);
            }

            var reading = timeProvider.GetTimestamp();
            var extract = await reader.ReadAsync(watched, batch, cancellationToken).ConfigureAwait(false);
            var timings = LoadTimings.None with { ReadAndValidate = timeProvider.GetElapsedTime(reading) };
            if (extract.IsRejected)
            {
                return await RejectAsync(batch, key, extract, cancellationToken).ConfigureAwait(false) with { Timings = timings };
            }

            return await LoadAcceptedAsync(batch, extract, LoadMode.SkipIfLoaded, confirmedBy, timings, report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await FailAsync(batch, key, startedAt, exception, [], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reruns a load from its archived (or quarantined) copy, whatever its status.</summary>
    public Task<LoadOutcome> ReplayAsync(string loadId, CancellationToken cancellationToken = default) =>
        ReplayAsync(loadId, force: false, cancellationToken);

    /// <summary>Reruns a load from its copy; <paramref name="force"/> loads a batch held for shrinking a dataset, and the audit says so.</summary>
    public Task<LoadOutcome> ReplayAsync(string loadId, bool force, CancellationToken cancellationToken) =>
        ReplayAsync(loadId, force, asCurrent: false, cancellationToken);

    /// <summary>
    /// Reruns a load from its copy. <paramref name="force"/> loads a batch held for shrinking a dataset;
    /// <paramref name="asCurrent"/> makes its event datasets the LA's current ones again even where a batch with a later
    /// <c>as_at</c> has replaced them (restoring history a later batch wiped). Either is recorded in the load's audit.
    /// A load whose copy was purged after the retention period is <see cref="LoadOutcomeKind.CopyPurged"/>.
    /// </summary>
    public async Task<LoadOutcome> ReplayAsync(string loadId, bool force, bool asCurrent, CancellationToken cancellationToken)
    {
        if (!LoadKey.TryParseBatch(loadId, out var batch))
        {
            throw new ArgumentException($"'{loadId}' is not a load id ({{la}}-{{yyyyMMdd}}-{{hash}}).", nameof(loadId));
        }

        BatchFileOpener openFile = (fileName, ct) => source.OpenArchivedFileAsync(batch, loadId, fileName, ct);
        var manifest = await openFile(BatchFileNames.Manifest, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            var purges = await warehouse.ListPurgesAsync(loadId, cancellationToken).ConfigureAwait(false);
            return purges.Count > 0
                ? new LoadOutcome(batch, loadId, LoadOutcomeKind.CopyPurged, [], PurgeRecord.CannotReplay(loadId, purges))
                : new LoadOutcome(batch, loadId, LoadOutcomeKind.Failed, [], $"No archived or quarantined copy of load {loadId}.");
        }

        await manifest.DisposeAsync().ConfigureAwait(false);
        ExtractBatch extract;
        try
        {
            extract = await reader.ReadAsync(batch, openFile, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new LoadOutcome(batch, loadId, LoadOutcomeKind.Failed, [], FailureMessage(exception)) { Transient = IsTransient(exception) };
        }

        var key = new LoadKey(batch.LaCode, batch.AsAt, extract.ManifestSha256);
        if (key.LoadId != loadId)
        {
            return new LoadOutcome(batch, loadId, LoadOutcomeKind.Failed, [], $"The copy of load {loadId} has a different manifest ({key.LoadId}).");
        }

        if (extract.IsRejected)
        {
            return Rejected(batch, key, extract);
        }

        if (asCurrent)
        {
            extract = await WithRestoredAsCurrentAsync(extract, key, cancellationToken).ConfigureAwait(false);
        }

        return await LoadAcceptedAsync(
            batch, extract, asCurrent ? LoadMode.RestoreAsCurrent : LoadMode.Reload, ConfirmedBy(force, asCurrent), LoadTimings.None, null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Replays every load recorded as failed, oldest as_at first.</summary>
    public async Task<IReadOnlyList<LoadOutcome>> ReplayFailedAsync(CancellationToken cancellationToken = default)
    {
        var failed = await warehouse.ListLoadsAsync(LoadStatus.Failed, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<LoadOutcome>(failed.Count);
        foreach (var load in failed.OrderBy(l => l.Key.AsAt).ThenBy(l => l.Key.LaCode, StringComparer.Ordinal))
        {
            outcomes.Add(await ReplayAsync(load.LoadId, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>The command a replay's shrink was confirmed by, or null when it was not: restoring as current loads on purpose too.</summary>
    private static string? ConfirmedBy(bool force, bool asCurrent) =>
        asCurrent ? (force ? "replay --as-current --force" : "replay --as-current") : force ? "replay --force" : null;

    /// <summary>
    /// Records with the load, as a warning per event dataset, which later load's rows it replaces as current: the audit
    /// then says who restored what over what.
    /// </summary>
    private async Task<ExtractBatch> WithRestoredAsCurrentAsync(ExtractBatch extract, LoadKey key, CancellationToken cancellationToken)
    {
        var loads = await warehouse.ListLoadsAsync(LoadStatus.Loaded, cancellationToken).ConfigureAwait(false);
        var restored = new List<ValidationIssue>();
        foreach (var dataset in extract.Datasets.Where(d => d.Contract.Kind == DatasetKind.Event))
        {
            var later = loads.FirstOrDefault(l => l.Key.LaCode == key.LaCode && l.Key.AsAt > key.AsAt && l.LoadId != key.LoadId
                && l.Datasets.Any(d => d.Outcome == DatasetOutcome.Current && d.Counts.Dataset == dataset.Contract.Name));
            if (later is not null)
            {
                var rows = later.Datasets.First(d => d.Counts.Dataset == dataset.Contract.Name).Counts.RowsLoaded;
                restored.Add(new ValidationIssue(IssueSeverity.Warning, dataset.Contract.Name, null, null, null, string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"restored as current on purpose (replay --as-current): {dataset.RowsAccepted:N0} rows of as_at {key.AsAt:yyyy-MM-dd} replace the {rows:N0} rows of load {later.LoadId} (as_at {later.Key.AsAt:yyyy-MM-dd})"))
                { Rule = ValidationRule.RestoredAsCurrent });
            }
        }

        return restored.Count == 0 ? extract : extract with { Issues = [.. extract.Issues, .. restored] };
    }

    private static LoadOutcome AlreadyLoaded(LoadRecord load) =>
        new(load.Key.Batch, load.LoadId, LoadOutcomeKind.AlreadyLoaded, [.. load.Datasets.Select(d => d.Counts)]);

    /// <summary>The outcome of a load the warehouse ran: the time it spent split into loading, computing the indicators and writing them.</summary>
    private static LoadOutcome Loaded(BatchLocation batch, LoadKey key, WarehouseLoadResult result, LoadTimings timings, TimeSpan inWarehouse) =>
        result.AlreadyLoaded
            ? AlreadyLoaded(result.Load)
            : new LoadOutcome(batch, key.LoadId, LoadOutcomeKind.Loaded, [.. result.Load.Datasets.Select(d => d.Counts)])
            {
                Timings = timings with
                {
                    Load = inWarehouse - result.IndicatorTime - result.IndicatorWriteTime,
                    Indicators = result.IndicatorTime,
                    IndicatorWrite = result.IndicatorWriteTime,
                },
                Warnings = result.Warnings,
            };

    private static LoadOutcome Rejected(BatchLocation batch, LoadKey key, ExtractBatch extract) =>
        new(batch, key.LoadId, LoadOutcomeKind.Rejected, DatasetCounts.Of(extract), extract.RejectionReason);

    /// <summary>The load key's hash: of the manifest's bytes (of no bytes when it is missing, which the reader rejects).</summary>
    private static async Task<string> ManifestSha256Async(BatchFileOpener openFile, CancellationToken cancellationToken)
    {
        Stream? stream;
        try
        {
            stream = await openFile(BatchFileNames.Manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (NotRegularFileException)
        {
            stream = null; // the reader reports it
        }

        if (stream is null)
        {
            return Convert.ToHexStringLower(SHA256.HashData(ReadOnlySpan<byte>.Empty));
        }

        await using (stream.ConfigureAwait(false))
        {
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Loads a new batch while it is read: the warehouse writes each dataset as the reader finishes it, and the batch is
    /// rejected, held or archived once the whole of it is read, before anything commits.
    /// </summary>
    private async Task<LoadOutcome> LoadWhileReadingAsync(
        ILoadWhileReading whileReading, IBatchSource watched, BatchLocation batch, LoadKey key, string? confirmedBy,
        Action<Func<LoadProgress, LoadProgress>>? report, CancellationToken cancellationToken)
    {
        // Listed before the load's transaction begins: a first load keeps the file to itself from its first page on.
        var loads = await warehouse.ListLoadsAsync(LoadStatus.Loaded, cancellationToken).ConfigureAwait(false);
        var started = timeProvider.GetTimestamp();
        var timings = LoadTimings.None;
        Acceptance? accepted = null;
        var reading = await reader.StartReadingAsync(watched, batch, cancellationToken).ConfigureAwait(false);
        await using (reading.ConfigureAwait(false))
        {
            // "Read and validate" ends when the last file is read and checked: the warehouse may go on (auditing, reading
            // its case data, computing the indicators) before it asks the gate below.
            var read = reading.Completion.ContinueWith(
                _ => timeProvider.GetTimestamp(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            WarehouseLoadResult? result;
            try
            {
                result = await whileReading.LoadAsync(key, reading, LoadMode.SkipIfLoaded, async (extract, token) =>
                {
                    timings = timings with { ReadAndValidate = timeProvider.GetElapsedTime(started, await read.ConfigureAwait(false)) };
                    accepted = await AcceptAsync(batch, extract, LoadMode.SkipIfLoaded, confirmedBy, loads, report, token).ConfigureAwait(false);
                    timings = timings with { Archive = accepted.Archive };
                    return new GateAnswer(accepted.ToLoad, accepted.DecidedAt);
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return await FailedWhileReadingAsync(exception, reading, accepted, batch, key, confirmedBy, loads, report, cancellationToken).ConfigureAwait(false);
            }

            if (result is null)
            {
                var rejected = await reading.Completion.ConfigureAwait(false);
                return accepted?.Held is { } held
                    ? held with { Timings = timings }
                    : await RejectAsync(batch, key, rejected, cancellationToken).ConfigureAwait(false) with
                    {
                        Timings = timings with { ReadAndValidate = timeProvider.GetElapsedTime(started) },
                    };
            }

            return Loaded(batch, key, result, timings, timeProvider.GetElapsedTime(started) - timings.ReadAndValidate - timings.Archive);
        }
    }

    /// <summary>
    /// A load that failed while its batch was read ends as it would have had the batch been read first: the reader's own
    /// failure is the cause if it has one; a rejected or held batch is quarantined and reported so; an accepted one is
    /// archived (if it was not yet) and the load recorded as failed, with the copy a replay reads.
    /// </summary>
    private async Task<LoadOutcome> FailedWhileReadingAsync(
        Exception exception, BatchReading reading, Acceptance? accepted, BatchLocation batch, LoadKey key, string? confirmedBy,
        IReadOnlyList<LoadRecord> loads, Action<Func<LoadProgress, LoadProgress>>? report, CancellationToken cancellationToken)
    {
        var failedAt = timeProvider.GetUtcNow();
        ExtractBatch extract;
        try
        {
            extract = await reading.Completion.ConfigureAwait(false);
        }
        catch (Exception readFailure) when (readFailure is not OperationCanceledException)
        {
            return await FailAsync(batch, key, failedAt, readFailure, [], cancellationToken).ConfigureAwait(false);
        }

        if (accepted is null)
        {
            if (extract.IsRejected)
            {
                return await RejectAsync(batch, key, extract, cancellationToken).ConfigureAwait(false);
            }

            accepted = await AcceptAsync(batch, extract, LoadMode.SkipIfLoaded, confirmedBy, loads, report, cancellationToken).ConfigureAwait(false);
        }

        return accepted.Held ?? await FailAsync(batch, key, failedAt, exception, DatasetCounts.Of(accepted.ToLoad!), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A rejected batch goes to quarantine with its validation report; nothing of it reaches the warehouse.</summary>
    private async Task<LoadOutcome> RejectAsync(BatchLocation batch, LoadKey key, ExtractBatch extract, CancellationToken cancellationToken)
    {
        await source.QuarantineAsync(batch, key.LoadId, ValidationReport.Create(batch, extract), cancellationToken).ConfigureAwait(false);
        return Rejected(batch, key, extract);
    }

    /// <summary>Loads a batch read already (a replay, or a warehouse that takes only whole batches).</summary>
    /// <param name="confirmedBy">The command that confirmed a shrink (recorded in the audit), or null to hold a batch that shrinks a dataset.</param>
    private async Task<LoadOutcome> LoadAcceptedAsync(
        BatchLocation batch, ExtractBatch extract, LoadMode mode, string? confirmedBy, LoadTimings timings,
        Action<Func<LoadProgress, LoadProgress>>? report, CancellationToken cancellationToken)
    {
        var key = LoadKey.Of(extract);
        var startedAt = timeProvider.GetUtcNow();
        try
        {
            var loads = await warehouse.ListLoadsAsync(LoadStatus.Loaded, cancellationToken).ConfigureAwait(false);
            var accepted = await AcceptAsync(batch, extract, mode, confirmedBy, loads, report, cancellationToken).ConfigureAwait(false);
            if (accepted.ToLoad is null)
            {
                return accepted.Held!;
            }

            timings = timings with { Archive = accepted.Archive };
            var loading = timeProvider.GetTimestamp();
            var result = await warehouse.LoadAsync(accepted.ToLoad, mode, cancellationToken).ConfigureAwait(false);
            return Loaded(batch, key, result, timings, timeProvider.GetElapsedTime(loading));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return await FailAsync(batch, key, startedAt, exception, DatasetCounts.Of(extract), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Between reading an accepted batch and loading it: one that cuts a dataset without confirmation is held (quarantined
    /// with the reason); otherwise a confirmed shrink is recorded as a warning of each dataset it cut, and a new load is
    /// archived first, so that every load, committed or failed, has the copy a replay reads.
    /// </summary>
    private async Task<Acceptance> AcceptAsync(
        BatchLocation batch, ExtractBatch extract, LoadMode mode, string? confirmedBy, IReadOnlyList<LoadRecord> loads,
        Action<Func<LoadProgress, LoadProgress>>? report, CancellationToken cancellationToken)
    {
        var key = LoadKey.Of(extract);
        var shrinks = ShrinkGuard.Find(extract, batch.LaCode, batch.AsAt, key.LoadId, loads, MaxShrinkShare);
        if (shrinks.Count > 0 && confirmedBy is null)
        {
            var reason = $"held, not loaded: {string.Join("; ", shrinks)}. If this is right, load it with `run --accept-shrink` or `replay {key.LoadId} --force`.";
            await source.QuarantineAsync(batch, key.LoadId, ValidationReport.ForHeld(batch, key.LoadId, reason), cancellationToken).ConfigureAwait(false);
            return new Acceptance(null, new LoadOutcome(batch, key.LoadId, LoadOutcomeKind.NeedsConfirmation, DatasetCounts.Of(extract), reason), TimeSpan.Zero);
        }

        extract = shrinks.Count == 0 ? extract : extract with
        {
            Issues = [.. extract.Issues, .. shrinks.Select(shrink => new ValidationIssue(IssueSeverity.Warning, shrink.Dataset, null, null, null,
                $"loaded on purpose ({confirmedBy}): {shrink}") { Rule = ValidationRule.ShrinkConfirmed })],
        };

        var archive = TimeSpan.Zero;
        if (mode == LoadMode.SkipIfLoaded)
        {
            report?.Invoke(p => p with { Step = LoadStep.Archiving, File = null });
            var archiving = timeProvider.GetTimestamp();
            await source.ArchiveAsync(batch, key.LoadId, cancellationToken).ConfigureAwait(false);
            archive = timeProvider.GetElapsedTime(archiving);
        }

        // Taken before the progress line, which is the last thing the gate does.
        var decided = timeProvider.GetTimestamp();
        report?.Invoke(p => p with { Step = LoadStep.Loading, File = null });
        return new Acceptance(extract, null, archive) { DecidedAt = decided };
    }

    /// <summary>
    /// Records a failed load (when its key is known) and, when retrying cannot help, quarantines the batch with the
    /// failure as its report, so the host's retries are spent only on transient causes.
    /// </summary>
    private async Task<LoadOutcome> FailAsync(
        BatchLocation batch, LoadKey? key, DateTimeOffset startedAt, Exception exception, IReadOnlyList<DatasetCounts> datasets, CancellationToken cancellationToken)
    {
        var error = FailureMessage(exception);
        var transient = IsTransient(exception);
        if (key is null)
        {
            return new LoadOutcome(batch, $"{batch.LaCode}-{batch.AsAt:yyyyMMdd}", LoadOutcomeKind.Failed, datasets, error) { Transient = transient };
        }

        try
        {
            await warehouse.RecordFailureAsync(key, startedAt, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception recording) when (recording is not OperationCanceledException)
        {
            // The warehouse cannot even take the record: only a later attempt can.
            error = $"{error} (recording the failure failed too: {recording.Message})";
            transient = true;
        }

        if (!transient)
        {
            try
            {
                await source.QuarantineAsync(batch, key.LoadId, ValidationReport.ForFailure(batch, key.LoadId, error), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception quarantining) when (quarantining is not OperationCanceledException)
            {
                error = $"{error} (quarantining the batch failed: {quarantining.Message})";
            }
        }

        return new LoadOutcome(batch, key.LoadId, LoadOutcomeKind.Failed, datasets, error) { Transient = transient };
    }

    /// <summary>
    /// Whether retrying may help: storage and database faults may pass (an outage looks like any other database error), a
    /// failure of the reader or of the batch's values will not.
    /// </summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        NotRegularFileException or InvalidDataException => false,
        BatchReadException { InnerException: { } inner } => TransientFault.Is(inner),
        DbException => true,
        _ => TransientFault.Is(exception),
    };

    /// <summary>The failure as the audit and the logs show it: where it happened when the reader knows.</summary>
    private static string FailureMessage(Exception exception) => exception switch
    {
        BatchReadException read => read.Message,
        _ => exception.Message,
    };

    /// <summary>A batch to load (with what accepting it added), or the outcome of one held instead, and the time its archive copy took.</summary>
    private sealed record Acceptance(ExtractBatch? ToLoad, LoadOutcome? Held, TimeSpan Archive)
    {
        /// <summary>When the decision (and the archive) ended, on the loader's clock.</summary>
        public long DecidedAt { get; init; }
    }
}
