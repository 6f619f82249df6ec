namespace PerfPipeline.Tests.Warehouse.Loading;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Loading;
using PerfPipeline.Warehouse.Sqlite;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

/// <summary>
/// A dataset that arrives once the whole batch is read is only prepared, and its rows are inserted while the
/// indicators are computed (<see cref="IDeferredInserts"/>): on a real SQLite file, with the steps observed.
/// </summary>
public sealed class DeferredInsertsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DatasetArrivingOnceTheBatchIsRead_IsPreparedThenInsertedWhileTheIndicatorsAreComputed()
    {
        var path = _temp.File("perfpipeline.db");
        await new SqliteWarehouse(path, _ => [], TimeProvider.System).MigrateAsync(Ct);
        var people = Dataset(ExtractContract.Person, [Person("P1", new DateOnly(2012, 3, 1)), Person("P2", new DateOnly(2015, 11, 1))]);
        var referrals = Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", September.AddDays(-20)), Referral("R2", "P2", September.AddDays(-10))]);
        var batch = Batch(September, [people, referrals]);
        var firstWriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var reading = BatchReading.Start(
            async (writer, _) =>
            {
                writer.ManifestRead(batch.Manifest!);
                writer.DatasetRead(people);
                await firstWriteStarted.Task;
                writer.DatasetRead(referrals);
                return batch;
            },
            Ct);
        var steps = new List<string>();
        using var inserted = new ManualResetEventSlim();
        bool? insertedWhileComputing = null;
        LaCaseData? computedOn = null;
        var sut = new WarehouseLoad(
            async (key, token) => new ObservedSteps(await SqliteLoad.OpenAsync(SqliteConnections.ConnectionString(path), key, releaseWrittenRows: true, token), steps, firstWriteStarted, reading.Completion, inserted),
            caseData =>
            {
                computedOn = caseData;
                insertedWhileComputing = inserted.Wait(TimeSpan.FromSeconds(30), Ct);
                return [];
            },
            null,
            TimeProvider.System);

        var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, static (read, _) => Task.FromResult<ExtractBatch?>(read), Ct);

        Assert.NotNull(result);
        Assert.Equal(["write ssd_person", "prepare ssd_cin_episodes", "read case data", "insert ssd_cin_episodes", "commit"], steps);
        Assert.True(insertedWhileComputing);
        Assert.Equal(["R1", "R2"], computedOn!.Referrals.Select(r => r.ReferralId));
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        Assert.Equal(["R1", "R2"], await connection.QueryAsync<string>("SELECT referral_id FROM fact_referral ORDER BY referral_id"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT rows_loaded FROM audit_load_dataset WHERE dataset = 'ssd_cin_episodes'"));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// The SQLite steps, recording the ones this test is about; the first write waits until the reading is complete, so
    /// the next dataset arrives after it.
    /// </summary>
    private sealed class ObservedSteps(
        ILoadSteps inner, List<string> steps, TaskCompletionSource firstWriteStarted, Task readingDone, ManualResetEventSlim inserted) : ILoadSteps, IDeferredInserts
    {
        public Task<LoadRecord?> FindExistingAsync() => inner.FindExistingAsync();

        public Task BeginAsync(string? sourceSystem, DateTimeOffset startedAt) => inner.BeginAsync(sourceSystem, startedAt);

        public async Task<DatasetWrite> WriteAsync(DatasetExtract dataset, bool asCurrent)
        {
            steps.Add($"write {dataset.Contract.Name}");
            firstWriteStarted.TrySetResult();
            await readingDone;
            return await inner.WriteAsync(dataset, asCurrent);
        }

        public Task<DatasetWrite> PrepareEventAsync(DatasetExtract dataset, bool asCurrent)
        {
            steps.Add($"prepare {dataset.Contract.Name}");
            return ((IDeferredInserts)inner).PrepareEventAsync(dataset, asCurrent);
        }

        public async Task InsertAsync(DatasetExtract dataset, DatasetWrite write)
        {
            steps.Add($"insert {dataset.Contract.Name}");
            await ((IDeferredInserts)inner).InsertAsync(dataset, write);
            inserted.Set();
        }

        public Task RecordDatasetAsync(DatasetExtract dataset, DatasetCounts counts, DatasetWrite write) => inner.RecordDatasetAsync(dataset, counts, write);

        public Task RecordIssuesAsync(IReadOnlyList<ValidationIssue> issues) => inner.RecordIssuesAsync(issues);

        public Task UpdateLocalAuthorityAsync(string? laName) => inner.UpdateLocalAuthorityAsync(laName);

        public Task<LaCaseData> ReadCaseDataAsync()
        {
            steps.Add("read case data");
            return inner.ReadCaseDataAsync();
        }

        public Task RecordTeamsAsync(LaCaseData caseData) => inner.RecordTeamsAsync(caseData);

        public Task RecordIndicatorValuesAsync(IReadOnlyList<IndicatorValue> values) => inner.RecordIndicatorValuesAsync(values);

        public Task RecordTeamFiguresAsync(TeamFigures figures) => inner.RecordTeamFiguresAsync(figures);

        public Task<LoadRecord> CommitAsync(DateTimeOffset finishedAt)
        {
            steps.Add("commit");
            return inner.CommitAsync(finishedAt);
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
