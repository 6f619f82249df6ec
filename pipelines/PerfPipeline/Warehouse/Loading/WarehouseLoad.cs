namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// The one load orchestration, the same for every dialect: in one transaction, audit the load, apply each dataset,
/// record the issues and dimensions, read the case data back, compute the indicators (and the figures by team) on it and
/// store them, commit.
/// A batch already loaded is skipped unless reloaded. The dialect supplies the steps (<see cref="ILoadSteps"/>).
/// </summary>
internal sealed class WarehouseLoad(
    Func<LoadKey, CancellationToken, Task<ILoadSteps>> open, ComputeIndicators computeIndicators, ComputeTeamFigures? computeTeamFigures, TimeProvider timeProvider)
{
    public async Task<WarehouseLoadResult> RunAsync(ExtractBatch batch, LoadMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsRejected)
        {
            throw new ArgumentException("A rejected batch is never loaded: it goes to quarantine.", nameof(batch));
        }

        var key = LoadKey.Of(batch);
        var startedAt = timeProvider.GetUtcNow();
        var load = await open(key, cancellationToken).ConfigureAwait(false);
        await using (load.ConfigureAwait(false))
        {
            var existing = await load.FindExistingAsync().ConfigureAwait(false);
            if (existing is { Status: LoadStatus.Loaded } && mode == LoadMode.SkipIfLoaded)
            {
                return new WarehouseLoadResult(existing, AlreadyLoaded: true, IndicatorValues: 0);
            }

            await load.BeginAsync(batch.Manifest!.SourceSystem, startedAt).ConfigureAwait(false);
            foreach (var dataset in batch.Datasets)
            {
                await load.ApplyAsync(dataset, DatasetCounts.Of(dataset, batch.Issues), mode == LoadMode.RestoreAsCurrent).ConfigureAwait(false);
            }

            await load.UpdateLocalAuthorityAsync(batch.Manifest.LaName).ConfigureAwait(false);

            var caseData = await load.ReadCaseDataAsync().ConfigureAwait(false);
            var calendar = CalendarWarning.For(caseData, key.AsAt);
            await load.RecordIssuesAsync(calendar is null ? batch.Issues : [.. batch.Issues, calendar]).ConfigureAwait(false);

            // The figures by team are worked out on the other core while the LA's are computed and written (the steps
            // themselves stay on one connection). Both read the engine's shared preparation of this case data (re-referral
            // flags, judged visits, plans per child …), each part built once by whichever pass asks first.
            var teamFigures = computeTeamFigures is null ? null : Task.Run(() => computeTeamFigures(caseData), cancellationToken);
            await load.RecordTeamsAsync(caseData).ConfigureAwait(false);

            // Timed apart for `run --timings`: computing is pure work on the case data, writing is I/O. Waiting for the
            // figures by team counts as computing.
            var computing = timeProvider.GetTimestamp();
            var values = computeIndicators(caseData);
            var indicatorTime = timeProvider.GetElapsedTime(computing);
            var writing = timeProvider.GetTimestamp();
            var waited = TimeSpan.Zero;
            await load.RecordIndicatorValuesAsync(values).ConfigureAwait(false);
            if (teamFigures is not null)
            {
                var waiting = timeProvider.GetTimestamp();
                var figures = await teamFigures.ConfigureAwait(false);
                waited = timeProvider.GetElapsedTime(waiting);
                await load.RecordTeamFiguresAsync(figures).ConfigureAwait(false);
            }

            var indicatorWriteTime = timeProvider.GetElapsedTime(writing) - waited;
            indicatorTime += waited;
            var committed = await load.CommitAsync(timeProvider.GetUtcNow()).ConfigureAwait(false);
            return new WarehouseLoadResult(committed, AlreadyLoaded: false, IndicatorValues: values.Count)
            {
                IndicatorTime = indicatorTime,
                IndicatorWriteTime = indicatorWriteTime,
                Warnings = calendar is null ? [] : [calendar.Reason],
            };
        }
    }
}
