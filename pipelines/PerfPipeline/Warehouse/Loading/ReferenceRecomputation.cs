namespace PerfPipeline.Warehouse.Loading;

using System.Data.Common;

using Dapper;

using PerfPipeline.CaseData;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Reference;

/// <summary>
/// A reference import, the same for every dialect, inside the dialect's one transaction: store the files that changed,
/// then for every LA with loaded data whose figures they change, a load of its own (no datasets) that recomputes the
/// indicator values (and the figures by team) on the LA's current data and names the import. The dialect commits.
/// </summary>
internal sealed class ReferenceRecomputation(
    DbConnection connection,
    DbTransaction transaction,
    ComputeIndicators computeIndicators,
    ComputeTeamFigures? computeTeamFigures,
    TimeProvider timeProvider)
{
    /// <summary>The load steps of one recomputation on the import's transaction, and how it is stamped finished.</summary>
    public delegate (ILoadSteps Steps, Func<DateTimeOffset, Task> Finish) OpenLoad(LoadKey key);

    /// <summary>Stores and recomputes; null when every file is already in force (nothing was written).</summary>
    public async Task<ReferenceImportResult?> RunAsync(
        ReferenceImportRequest request, object importedAt, Func<DateOnly, object> date, OpenLoad openLoad, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await ReferenceSql.PlanAsync(connection, transaction, request, cancellationToken).ConfigureAwait(false) is not { } import)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();

        // What is in force before and after is compared only when an LA has loaded data: none has in a new file, where
        // the shipped defaults and the files beside the first batches are imported before anything is loaded.
        var loaded = await ReferenceSql.LoadedLasAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ReferenceSql.LoadedLa> touched = [];
        if (loaded.Count == 0)
        {
            await ReferenceSql.WriteAsync(connection, transaction, import, importedAt, date, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var before = await ReferenceSql.InForceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            await ReferenceSql.WriteAsync(connection, transaction, import, importedAt, date, cancellationToken).ConfigureAwait(false);
            var after = await ReferenceSql.InForceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
            touched = ReferenceSql.Touched(loaded, import, before, after);
        }

        var recomputed = new List<string>();
        var warnings = new List<string>();
        foreach (var la in touched)
        {
            var key = new LoadKey(la.LaCode, la.AsAt, import.Sha256);
            var (load, finish) = openLoad(key);
            await load.FindExistingAsync().ConfigureAwait(false);
            await load.BeginAsync(ReferenceSql.SourceSystem(import), now).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                ReferenceSql.NameLoadSql, new { import.ImportId, key.LoadId }, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            var caseData = await load.ReadCaseDataAsync().ConfigureAwait(false);
            if (CalendarWarning.For(caseData, la.AsAt) is { } calendar)
            {
                await load.RecordIssuesAsync([calendar]).ConfigureAwait(false);
                warnings.Add($"LA {la.LaCode}: {calendar.Reason}");
            }

            await load.RecordIndicatorValuesAsync(computeIndicators(caseData)).ConfigureAwait(false);
            if (computeTeamFigures is not null)
            {
                await load.RecordTeamFiguresAsync(computeTeamFigures(caseData)).ConfigureAwait(false);
            }

            await finish(timeProvider.GetUtcNow()).ConfigureAwait(false);
            recomputed.Add(key.LoadId);
        }

        return new ReferenceImportResult(import.ImportId, import.Files, [.. request.Files.Except(import.Files)], recomputed) { Warnings = warnings };
    }
}
