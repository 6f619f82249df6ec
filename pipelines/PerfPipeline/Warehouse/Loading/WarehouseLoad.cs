namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// Decides, once the whole batch is read, whether the load goes on: returns the batch to load (with any issue the
/// decision adds) or null to undo what was written and stop.
/// </summary>
internal delegate Task<ExtractBatch?> LoadGate(ExtractBatch batch, CancellationToken cancellationToken);

/// <summary>
/// The one load orchestration, the same for every dialect: in one transaction, audit the load, write each dataset as the
/// reader finishes it, then, once the whole batch is read and accepted, audit the datasets, record the issues and
/// dimensions, read the case data back, compute the indicators (and the figures by team) on it and store them, commit.
/// Steps that take the case data of the rows they write from the batch (<see cref="IDeferredInserts"/>) insert the rows
/// of the event datasets not yet written when the batch is read while the indicators are computed.
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
        return (await RunAsync(LoadKey.Of(batch), reading, mode, static (read, _) => Task.FromResult<ExtractBatch?>(read), cancellationToken).ConfigureAwait(false))!;
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
            if (read.IsRejected || await gate(read, cancellationToken).ConfigureAwait(false) is not { } batch)
            {
                return null;
            }

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

                await load.RecordDatasetAsync(dataset, DatasetCounts.Of(dataset, batch.Issues), written.Write).ConfigureAwait(false);
            }

            if (writes.Count != batch.Datasets.Count)
            {
                throw new InvalidOperationException("A dataset the batch does not hold was written.");
            }

            await load.UpdateLocalAuthorityAsync(batch.Manifest!.LaName).ConfigureAwait(false);

            var caseData = await load.ReadCaseDataAsync().ConfigureAwait(false);
            var calendar = CalendarWarning.For(caseData, key.AsAt);
            await load.RecordIssuesAsync(calendar is null ? batch.Issues : [.. batch.Issues, calendar]).ConfigureAwait(false);

            // The LA's figures and the figures by team are worked out on the thread pool while the steps go on writing on
            // their one connection: the rows of the datasets only prepared so far, then the teams. Both passes read the
            // engine's shared preparation of this case data (re-referral flags, judged visits, plans per child …), each
            // part built once by whichever pass asks first.
            var computingFrom = timeProvider.GetTimestamp();
            var computing = Task.Run(() => Timed(() => computeIndicators(caseData)), cancellationToken);
            var teamComputing = computeTeamFigures is null ? null : Task.Run(() => Timed(() => computeTeamFigures(caseData)), cancellationToken);
            (IReadOnlyList<IndicatorValue> Result, long Finished) values;
            (TeamFigures Result, long Finished)? teamFigures;
            try
            {
                foreach (var dataset in deferred)
                {
                    await deferring!.InsertAsync(dataset, writes[dataset.Contract].Write).ConfigureAwait(false);
                }

                await load.RecordTeamsAsync(caseData).ConfigureAwait(false);
                values = await computing.ConfigureAwait(false);
                teamFigures = teamComputing is null ? null : await teamComputing.ConfigureAwait(false);
            }
            finally
            {
                // A failed step leaves no computation running past the load (their own failures are the load's only when awaited above).
                await ((Task)computing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (teamComputing is not null)
                {
                    await ((Task)teamComputing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            // For `run --timings`: from the start of the computation until both passes end, though the load writes meanwhile.
            var indicatorTime = timeProvider.GetElapsedTime(computingFrom, Math.Max(values.Finished, teamFigures?.Finished ?? 0));
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

    /// <summary>Runs <paramref name="compute"/> and says when it finished, on the load's clock.</summary>
    private (T Result, long Finished) Timed<T>(Func<T> compute)
    {
        var result = compute();
        return (result, timeProvider.GetTimestamp());
    }
}
