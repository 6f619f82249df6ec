namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// Decides, once the whole batch is read, whether the load goes on: answers with the batch to load (the same datasets,
/// with any issue the decision adds) or null to undo what was written and stop. It never uses the load's connection: with
/// <see cref="IDeferredInserts"/> steps it runs on the thread pool beside the load's last inserts and its indicators.
/// </summary>
internal delegate Task<GateAnswer> LoadGate(ExtractBatch batch, CancellationToken cancellationToken);

/// <summary>
/// A <see cref="LoadGate"/>'s answer, and when its own work (the archive) ended on the load's clock, taken by the gate
/// itself: <c>run --timings</c> counts the indicators from then, and a clock read after the answer came back could already
/// include time the computation beside it took.
/// </summary>
internal sealed record GateAnswer(ExtractBatch? Batch, long AnsweredAt);

/// <summary>
/// The one load orchestration, the same for every dialect: in one transaction, audit the load, write each dataset as the
/// reader finishes it, then, once the whole batch is read and accepted, audit the datasets, record the issues and
/// dimensions, read the case data back, compute the indicators (and the figures by team) on it and store them, commit.
/// Steps that take the case data of the rows they write from the batch (<see cref="IDeferredInserts"/>) insert the rows
/// of the event datasets not yet written when the batch is read while the indicators are computed, and start that
/// computation once the batch is read, before the gate decides: the gate's archive runs beside it too.
/// A batch already loaded is skipped unless reloaded. The dialect supplies the steps (<see cref="ILoadSteps"/>).
/// </summary>
internal sealed class WarehouseLoad(
    Func<LoadKey, CancellationToken, Task<ILoadSteps>> open, ComputeIndicators computeIndicators, ComputeTeamFigures? computeTeamFigures, TimeProvider timeProvider)
{
    /// <summary>Loads a batch read already.</summary>
    public async Task<WarehouseLoadResult> RunAsync(ExtractBatch batch, LoadMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsRejected)
        {
            throw new ArgumentException("A rejected batch is never loaded: it goes to quarantine.", nameof(batch));
        }

        await using var reading = BatchReading.Of(batch);
        return (await RunAsync(LoadKey.Of(batch), reading, mode, (read, _) => Task.FromResult(new GateAnswer(read, timeProvider.GetTimestamp())), cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Loads a batch while it is read, or null when <paramref name="gate"/>, asked once the reading is done, stops the
    /// load: nothing it wrote is kept. A rejected batch is never loaded: the gate is not asked, and the result is null.
    /// </summary>
    /// <param name="key">The load key the batch was found under (its manifest's hash, taken before reading).</param>
    public async Task<WarehouseLoadResult?> RunAsync(LoadKey key, BatchReading reading, LoadMode mode, LoadGate gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(gate);
        var startedAt = timeProvider.GetUtcNow();
        var load = await open(key, cancellationToken).ConfigureAwait(false);
        await using (load.ConfigureAwait(false))
        {
            var existing = await load.FindExistingAsync().ConfigureAwait(false);
            if (existing is { Status: LoadStatus.Loaded } && mode == LoadMode.SkipIfLoaded)
            {
                return new WarehouseLoadResult(existing, AlreadyLoaded: true, IndicatorValues: 0);
            }

            // Each dataset is written as the reader finishes it (the batch is read on the other core); whether the batch is
            // accepted is known only at the end, and a batch that is not leaves nothing: the transaction is not committed.
            var writes = new Dictionary<DatasetContract, (DatasetExtract Dataset, DatasetWrite Write)>();
            var deferred = new List<DatasetExtract>();

            // A batch read already (a replay, a test) is written dataset by dataset: its case records are built beside its
            // inserts, and preparing every dataset first would leave the connection waiting for all of them.
            var deferring = reading.Completion.IsCompleted ? null : load as IDeferredInserts;
            var asCurrent = mode == LoadMode.RestoreAsCurrent;
            if (await reading.Manifest.ConfigureAwait(false) is { } manifest)
            {
                await load.BeginAsync(manifest.SourceSystem, startedAt).ConfigureAwait(false);
                await foreach (var dataset in reading.ReadDatasetsAsync(cancellationToken).ConfigureAwait(false))
                {
                    // Once the whole batch is read, steps that can only prepare the event datasets still to come: their rows
                    // are inserted while the indicators are computed on the other core (below).
                    if (deferring is not null && reading.Completion.IsCompleted && dataset.Contract.Kind == DatasetKind.Event)
                    {
                        writes.Add(dataset.Contract, (dataset, await deferring.PrepareEventAsync(dataset, asCurrent).ConfigureAwait(false)));
                        deferred.Add(dataset);
                    }
                    else
                    {
                        writes.Add(dataset.Contract, (dataset, await load.WriteAsync(dataset, asCurrent).ConfigureAwait(false)));
                    }
                }
            }

            var read = await reading.Completion.ConfigureAwait(false);
            if (read.IsRejected)
            {
                return null;
            }

            // Steps that insert the last datasets while the indicators are computed start that computation as soon as the
            // whole batch is read, before the gate: the gate (the shrink guard and the batch's archive, which does not use
            // the load's connection) and the last inserts then run beside it. The case data reads which datasets were
            // supplied from their audit, so the datasets are audited first, with the counts of the batch as read; a warning
            // the gate adds is counted after it (below). Other steps keep the order: the gate, then the rest.
            ExtractBatch? batch = null;
            long gateAnsweredAt = 0;
            if (deferring is null)
            {
                (batch, gateAnsweredAt) = await gate(read, cancellationToken).ConfigureAwait(false);
                if (batch is null)
                {
                    return null;
                }
            }

            var audited = batch ?? read;
            await AuditDatasetsAsync(load, key, audited, writes).ConfigureAwait(false);
            await load.UpdateLocalAuthorityAsync(audited.Manifest!.LaName).ConfigureAwait(false);

            // The SQLite steps run their queries now and hand over the records of the datasets they wrote as those are
            // built from the batch: the connection goes on inserting meanwhile.
            var caseDataReading = load.ReadCaseDataAsync();
            ValidationIssue? calendar = null;
            if (batch is not null)
            {
                // Let through by the gate already: its issues are final.
                calendar = CalendarWarning.For(await caseDataReading.ConfigureAwait(false), key.AsAt);
                await load.RecordIssuesAsync(calendar is null ? batch.Issues : [.. batch.Issues, calendar]).ConfigureAwait(false);
            }

            // The LA's figures and the figures by team are worked out on threads of their own while the steps go on writing
            // on their one connection: the rows of the datasets only prepared so far, then the teams. Both passes read the
            // engine's shared preparation of this case data (re-referral flags, judged visits, plans per child …), each
            // part built once by whichever pass asks first.
            var computing = Compute(caseDataReading, caseData => computeIndicators(caseData), cancellationToken);
            var teamComputing = computeTeamFigures is null ? null : Compute(caseDataReading, caseData => computeTeamFigures(caseData), cancellationToken);
            Computed<IReadOnlyList<IndicatorValue>> values;
            Computed<TeamFigures>? teamFigures;
            try
            {
                if (deferring is not null)
                {
                    // The gate on the thread pool, the inserts on this thread (the connection's); both end before the load
                    // goes on or stops. The gate's failure comes first, as it would had it been asked before the inserts.
                    var gating = Task.Run(() => gate(read, cancellationToken), cancellationToken);
                    var inserting = InsertDeferredAsync(load, deferring, deferred, writes, caseDataReading);
                    await Task.WhenAll(gating, inserting).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    (batch, gateAnsweredAt) = await gating.ConfigureAwait(false);
                    if (batch is null)
                    {
                        return null;
                    }

                    await inserting.ConfigureAwait(false);
                    await RecountDatasetsAsync(deferring, key, read, batch, writes).ConfigureAwait(false);
                    calendar = CalendarWarning.For(await caseDataReading.ConfigureAwait(false), key.AsAt);
                    await load.RecordIssuesAsync(calendar is null ? batch.Issues : [.. batch.Issues, calendar]).ConfigureAwait(false);
                }
                else
                {
                    await load.RecordTeamsAsync(await caseDataReading.ConfigureAwait(false)).ConfigureAwait(false);
                }

                values = await computing.ConfigureAwait(false);
                teamFigures = teamComputing is null ? null : await teamComputing.ConfigureAwait(false);
            }
            finally
            {
                // A failed step, or a gate that stops the load, leaves no computation running past the load (their own
                // failures are the load's only when awaited above); they wait for the case data, so it is done too.
                await ((Task)computing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (teamComputing is not null)
                {
                    await ((Task)teamComputing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            // For `run --timings`: from the start of the computation, or from the gate's end when the computation began
            // before it (the gate's archive is a phase of its own), until both passes end, though the load writes meanwhile.
            var computed = Math.Max(values.Finished, teamFigures?.Finished ?? 0);
            var computingFrom = Math.Min(values.Started, teamFigures?.Started ?? long.MaxValue);
            var indicatorTime = timeProvider.GetElapsedTime(Math.Min(Math.Max(computingFrom, gateAnsweredAt), computed), computed);
            var writing = timeProvider.GetTimestamp();
            await load.RecordIndicatorValuesAsync(values.Result).ConfigureAwait(false);
            if (teamFigures is { } figures)
            {
                await load.RecordTeamFiguresAsync(figures.Result).ConfigureAwait(false);
            }

            var indicatorWriteTime = timeProvider.GetElapsedTime(writing);
            var committed = await load.CommitAsync(timeProvider.GetUtcNow()).ConfigureAwait(false);
            return new WarehouseLoadResult(committed, AlreadyLoaded: false, IndicatorValues: values.Result.Count)
            {
                IndicatorTime = indicatorTime,
                IndicatorWriteTime = indicatorWriteTime,
                Warnings = calendar is null ? [] : [calendar.Reason],
            };
        }
    }

    /// <summary>
    /// Audits each dataset with its counts in <paramref name="batch"/>, once checked that the batch is the one the load
    /// was found under and that every dataset was written as the batch holds it.
    /// </summary>
    private static async Task AuditDatasetsAsync(
        ILoadSteps load, LoadKey key, ExtractBatch batch, Dictionary<DatasetContract, (DatasetExtract Dataset, DatasetWrite Write)> writes)
    {
        CheckWritten(key, batch, writes);
        foreach (var dataset in batch.Datasets)
        {
            await load.RecordDatasetAsync(dataset, DatasetCounts.Of(dataset, batch.Issues), writes[dataset.Contract].Write).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Once the gate let <paramref name="batch"/> through, audited as <paramref name="read"/> before it: the same checks
    /// again (the gate adds issues, nothing else), and the datasets whose counts its issues change (the warning of a
    /// confirmed shrink counts in <c>rows_warnings</c>) audited again, so the audit ends as if taken after the gate.
    /// </summary>
    private static async Task RecountDatasetsAsync(
        IDeferredInserts deferring, LoadKey key, ExtractBatch read, ExtractBatch batch, Dictionary<DatasetContract, (DatasetExtract Dataset, DatasetWrite Write)> writes)
    {
        CheckWritten(key, batch, writes);
        foreach (var dataset in batch.Datasets)
        {
            var counts = DatasetCounts.Of(dataset, batch.Issues);
            if (counts != DatasetCounts.Of(dataset, read.Issues))
            {
                await deferring.RecountDatasetAsync(dataset, counts).ConfigureAwait(false);
            }
        }
    }

    private static void CheckWritten(LoadKey key, ExtractBatch batch, Dictionary<DatasetContract, (DatasetExtract Dataset, DatasetWrite Write)> writes)
    {
        if (LoadKey.Of(batch).LoadId != key.LoadId)
        {
            throw new InvalidDataException($"The batch's manifest changed while it was read: it was found as load {key.LoadId} and read as {LoadKey.Of(batch).LoadId}.");
        }

        foreach (var dataset in batch.Datasets)
        {
            // The reader hands on every dataset the batch keeps, as the batch keeps it: what was written is what is audited.
            if (!writes.TryGetValue(dataset.Contract, out var written) || !ReferenceEquals(written.Dataset, dataset))
            {
                throw new InvalidOperationException($"{dataset.Contract.Name} was not written as the batch holds it.");
            }
        }

        if (writes.Count != batch.Datasets.Count)
        {
            throw new InvalidOperationException("A dataset the batch does not hold was written.");
        }
    }

    /// <summary>Inserts the rows of the datasets only prepared once the batch was read, then records the teams.</summary>
    private static async Task InsertDeferredAsync(
        ILoadSteps load, IDeferredInserts deferring, List<DatasetExtract> deferred,
        Dictionary<DatasetContract, (DatasetExtract Dataset, DatasetWrite Write)> writes, Task<LaCaseData> caseData)
    {
        foreach (var dataset in deferred)
        {
            await deferring.InsertAsync(dataset, writes[dataset.Contract].Write).ConfigureAwait(false);
        }

        await load.RecordTeamsAsync(await caseData.ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a computation on the case data, once read, on a thread of its own: each pass takes seconds on a large LA,
    /// and on the thread pool the two of them left the gate's archive waiting for a thread between its reads and writes
    /// (0.4 s became 1.7 s at scale 20).
    /// </summary>
    private Task<Computed<T>> Compute<T>(Task<LaCaseData> caseData, Func<LaCaseData, T> compute, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () =>
            {
                // GetResult rethrows the reading's own exception, not an AggregateException.
                var data = caseData.GetAwaiter().GetResult();
                var started = timeProvider.GetTimestamp();
                var result = compute(data);
                return new Computed<T>(result, started, timeProvider.GetTimestamp());
            },
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>A computation's result, and when it started and finished on the load's clock.</summary>
    private readonly record struct Computed<T>(T Result, long Started, long Finished);
}
