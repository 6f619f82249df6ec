namespace PerfPipeline.Tests.Warehouse.Loading;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

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
/// indicators are computed (<see cref="IDeferredInserts"/>); the indicators start once the batch is read, before the
/// gate is asked, and the load ends as it would have had the gate been asked first: on real SQLite files, with the steps
/// observed.
/// </summary>
public sealed class DeferredInsertsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    /// <summary>A gate's answer; these tests do not time the load.</summary>
    private static Task<GateAnswer> Answer(ExtractBatch? batch) => Task.FromResult(new GateAnswer(batch, AnsweredAt: 0));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_DatasetArrivingOnceTheBatchIsRead_IsPreparedThenInsertedWhileTheIndicatorsAreComputed()
    {
        var path = await NewWarehouseAsync("perfpipeline.db");
        var people = Dataset(ExtractContract.Person, [Person("P1", new DateOnly(2012, 3, 1)), Person("P2", new DateOnly(2015, 11, 1))]);
        var referrals = Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", September.AddDays(-20)), Referral("R2", "P2", September.AddDays(-10))]);
        var batch = Batch(September, [people, referrals]);
        await using var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        var steps = new List<string>();
        using var inserted = new ManualResetEventSlim();
        bool? insertedWhileComputing = null;
        LaCaseData? computedOn = null;
        var sut = Load(path, steps, firstWriteStarted, reading, caseData =>
        {
            computedOn = caseData;
            insertedWhileComputing = inserted.Wait(TimeSpan.FromSeconds(30), Ct);
            return [];
        }, inserted: inserted);

        var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, static (read, _) => Answer(read), Ct);

        Assert.NotNull(result);
        Assert.Equal(["write ssd_person", "prepare ssd_cin_episodes", "read case data", "insert ssd_cin_episodes", "commit"], steps);
        Assert.True(insertedWhileComputing);
        Assert.Equal(["R1", "R2"], computedOn!.Referrals.Select(r => r.ReferralId));
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        Assert.Equal(["R1", "R2"], await connection.QueryAsync<string>("SELECT referral_id FROM fact_referral ORDER BY referral_id"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT rows_loaded FROM audit_load_dataset WHERE dataset = 'ssd_cin_episodes'"));
    }

    [Fact]
    public async Task RunAsync_StepsThatDeferInserts_StartTheIndicatorsOnceTheBatchIsReadBeforeTheGateIsAsked()
    {
        var path = await NewWarehouseAsync("perfpipeline.db");
        var batch = SeptemberBatch();
        var computing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gateAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool? gateAskedWhileComputing = null;
        bool? computingWhenGateAsked = null;
        var steps = new List<string>();
        bool? caseDataReadBeforeGate = null;
        var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        await using (reading)
        {
            var sut = Load(path, steps, firstWriteStarted, reading, caseData =>
            {
                computing.TrySetResult();
                gateAskedWhileComputing = gateAsked.Task.Wait(TimeSpan.FromSeconds(30), Ct);
                return new IndicatorEngine().ComputeAll(caseData);
            });

            var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, async (read, token) =>
            {
                caseDataReadBeforeGate = steps.Contains("read case data");
                gateAsked.TrySetResult();
                computingWhenGateAsked = await Task.WhenAny(computing.Task, Task.Delay(TimeSpan.FromSeconds(30), token)) == computing.Task;
                return await Answer(read);
            }, Ct);

            Assert.NotNull(result);
            Assert.Equal(LoadStatus.Loaded, result.Load.Status);
        }

        Assert.True(caseDataReadBeforeGate);
        Assert.True(computingWhenGateAsked);
        Assert.True(gateAskedWhileComputing);
        Assert.Equal(["write ssd_person", "prepare ssd_cin_episodes", "read case data", "insert ssd_cin_episodes", "commit"], steps);
        Assert.Equal(2, await ScalarAsync(path, "SELECT COUNT(*) FROM fact_referral"));
        Assert.True(await ScalarAsync(path, "SELECT COUNT(*) FROM fact_indicator_value") > 0);
    }

    [Fact]
    public async Task RunAsync_CaseDataRecordsStillBeingBuilt_InsertsTheDeferredDatasetsMeanwhile()
    {
        var path = await NewWarehouseAsync("perfpipeline.db");
        var batch = SeptemberBatch();
        var steps = new List<string>();
        var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        await using (reading)
        {
            // The case data is handed over only once the referrals are inserted: a load that waited for it first would wait in vain.
            var sut = Load(path, steps, firstWriteStarted, reading, new IndicatorEngine().ComputeAll, TeamFigures.Compute, caseDataHeldUntilInserted: true);

            var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, static (read, _) => Answer(read), Ct);

            Assert.NotNull(result);
        }

        Assert.Equal(["write ssd_person", "prepare ssd_cin_episodes", "read case data", "insert ssd_cin_episodes", "case data handed over", "commit"], steps);
        Assert.Equal(2, await ScalarAsync(path, "SELECT COUNT(*) FROM fact_referral"));
        Assert.Equal(2, await ScalarAsync(path, "SELECT COUNT(*) FROM dim_team"));
    }

    [Fact]
    public async Task RunAsync_GateHoldsTheBatchOnceTheIndicatorsStarted_LeavesTheWarehouseAsItWasAndNoComputationRunning()
    {
        var path = await NewWarehouseAsync("perfpipeline.db");
        await LoadReadAlreadyAsync(path, AugustBatch());
        var before = await SqliteTableRows.AllAsync(path);
        var batch = SeptemberBatch();
        using var gateAnswered = new ManualResetEventSlim();
        var computed = 0;
        var steps = new List<string>();
        WarehouseLoadResult? result;
        var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        await using (reading)
        {
            // Each pass goes on a while after the gate has answered: the load must wait for it before it returns.
            var sut = Load(path, steps, firstWriteStarted, reading, caseData =>
            {
                gateAnswered.Wait(TimeSpan.FromSeconds(30), Ct);
                Thread.Sleep(200);
                Interlocked.Increment(ref computed);
                return new IndicatorEngine().ComputeAll(caseData);
            }, caseData =>
            {
                gateAnswered.Wait(TimeSpan.FromSeconds(30), Ct);
                Thread.Sleep(200);
                Interlocked.Increment(ref computed);
                return TeamFigures.Compute(caseData);
            });

            result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, (_, _) =>
            {
                gateAnswered.Set();
                return Answer(null);
            }, Ct);

            Assert.Equal(2, Volatile.Read(ref computed));
        }

        Assert.Null(result);
        Assert.Contains("read case data", steps);
        Assert.DoesNotContain("commit", steps);
        Assert.Equal(before, await SqliteTableRows.AllAsync(path));
    }

    [Fact]
    public async Task RunAsync_GateAddsADatasetWarningOnceTheIndicatorsStarted_StoresWhatTheSameBatchReadAlreadyStores()
    {
        // The gate confirms a shrink of the referrals: a warning of that dataset, which its audit counts.
        static ExtractBatch Confirmed(ExtractBatch read) => read with
        {
            Issues = [.. read.Issues, new ValidationIssue(IssueSeverity.Warning, "ssd_cin_episodes", null, null, null, "loaded on purpose (run --accept-shrink): 3 rows to 2") { Rule = ValidationRule.ShrinkConfirmed }],
        };

        var readAlready = await NewWarehouseAsync("read-already.db");
        await LoadReadAlreadyAsync(readAlready, AugustBatch());
        await LoadReadAlreadyAsync(readAlready, Confirmed(SeptemberBatch()));
        var whileReading = await NewWarehouseAsync("while-reading.db");
        await LoadReadAlreadyAsync(whileReading, AugustBatch());
        var batch = SeptemberBatch();
        var steps = new List<string>();
        var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        await using (reading)
        {
            var sut = Load(whileReading, steps, firstWriteStarted, reading, new IndicatorEngine().ComputeAll, TeamFigures.Compute);

            var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, (read, _) => Answer(Confirmed(read)), Ct);

            Assert.NotNull(result);
            Assert.Equal(1, result.Load.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes").Counts.RowsWarnings);
        }

        Assert.Equal(["write ssd_person", "prepare ssd_cin_episodes", "read case data", "insert ssd_cin_episodes", "recount ssd_cin_episodes", "commit"], steps);
        Assert.Equal(1, await ScalarAsync(whileReading, "SELECT rows_warnings FROM audit_load_dataset WHERE dataset = 'ssd_cin_episodes' AND load_id LIKE '%-20190930-%'"));
        Assert.True(await ScalarAsync(whileReading, "SELECT COUNT(*) FROM fact_team_indicator_value") > 0);
        Assert.Equal(await SqliteTableRows.AllAsync(readAlready), await SqliteTableRows.AllAsync(whileReading));
    }

    [Fact]
    public async Task RunAsync_IndicatorsStartedBeforeTheGate_TimesThemFromTheGatesEnd()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2019, 10, 2, 6, 0, 0, TimeSpan.Zero));
        var path = await NewWarehouseAsync("perfpipeline.db");
        var batch = SeptemberBatch();
        var computing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gateAnswered = new ManualResetEventSlim();
        var reading = ReadWithLastDatasetAfterTheEnd(batch, out var firstWriteStarted);
        await using (reading)
        {
            // The computation takes 5 s in all, 3 of them while the gate archives the batch.
            var sut = Load(path, [], firstWriteStarted, reading, caseData =>
            {
                computing.TrySetResult();
                Assert.True(gateAnswered.Wait(TimeSpan.FromSeconds(30), Ct));
                clock.Advance(TimeSpan.FromSeconds(2));
                return [];
            }, clock: clock);

            var result = await sut.RunAsync(LoadKey.Of(batch), reading, LoadMode.SkipIfLoaded, async (read, token) =>
            {
                await computing.Task.WaitAsync(TimeSpan.FromSeconds(30), token);
                clock.Advance(TimeSpan.FromSeconds(3));
                var answeredAt = clock.GetTimestamp();
                gateAnswered.Set();
                return new GateAnswer(read, answeredAt);
            }, Ct);

            Assert.NotNull(result);
            Assert.Equal(TimeSpan.FromSeconds(2), result.IndicatorTime);
        }
    }

    public void Dispose() => _temp.Dispose();

    private static ExtractBatch AugustBatch() => Batch(August, [
        Dataset(ExtractContract.Person, [Person("P1", new DateOnly(2012, 3, 1)), Person("P2", new DateOnly(2015, 11, 1)), Person("P3", new DateOnly(2010, 1, 1))]),
        Dataset(ExtractContract.CinEpisodes, [Referral("R0", "P3", August.AddDays(-40)), Referral("R1", "P1", September.AddDays(-20)), Referral("R2", "P2", September.AddDays(-50))]),
    ]);

    /// <summary>A new batch each call: a load releases the rows it has written.</summary>
    private static ExtractBatch SeptemberBatch() => Batch(September, [
        Dataset(ExtractContract.Person, [Person("P1", new DateOnly(2012, 3, 1)), Person("P2", new DateOnly(2015, 11, 1))]),
        Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", September.AddDays(-20)), Referral("R2", "P2", September.AddDays(-10), team: "Assessment")]),
    ]);

    /// <summary>A reading of <paramref name="batch"/> whose last dataset arrives once the reading is complete (the first write waits for it).</summary>
    private static BatchReading ReadWithLastDatasetAfterTheEnd(ExtractBatch batch, out TaskCompletionSource firstWriteStarted)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        firstWriteStarted = started;
        return BatchReading.Start(
            async (writer, _) =>
            {
                writer.ManifestRead(batch.Manifest!);
                writer.DatasetRead(batch.Datasets[0]);
                await started.Task;
                foreach (var dataset in batch.Datasets.Skip(1))
                {
                    writer.DatasetRead(dataset);
                }

                return batch;
            },
            Ct);
    }

    private static readonly DateTimeOffset Now = new(2019, 10, 2, 6, 0, 0, TimeSpan.Zero);

    private static WarehouseLoad Load(
        string path, List<string> steps, TaskCompletionSource firstWriteStarted, BatchReading reading, ComputeIndicators computeIndicators,
        ComputeTeamFigures? computeTeamFigures = null, TimeProvider? clock = null, ManualResetEventSlim? inserted = null, bool caseDataHeldUntilInserted = false) =>
        new(
            async (key, token) => new ObservedSteps(
                await SqliteLoad.OpenAsync(SqliteConnections.ConnectionString(path), key, releaseWrittenRows: true, token), steps, firstWriteStarted, reading.Completion, inserted ?? new ManualResetEventSlim())
            {
                CaseDataHeldUntilInserted = caseDataHeldUntilInserted,
            },
            computeIndicators,
            computeTeamFigures,
            clock ?? new FakeTimeProvider(Now));

    /// <summary>Loads a batch read already, with the SQLite warehouse's own steps, the engine and the figures by team.</summary>
    private static async Task LoadReadAlreadyAsync(string path, ExtractBatch batch) =>
        await new WarehouseLoad(
            async (key, token) => await SqliteLoad.OpenAsync(SqliteConnections.ConnectionString(path), key, releaseWrittenRows: true, token),
            new IndicatorEngine().ComputeAll,
            TeamFigures.Compute,
            new FakeTimeProvider(Now)).RunAsync(batch, LoadMode.SkipIfLoaded, Ct);

    private async Task<string> NewWarehouseAsync(string name)
    {
        var path = _temp.File(name);
        await new SqliteWarehouse(path, _ => [], new FakeTimeProvider(Now)).MigrateAsync(Ct);
        return path;
    }

    private static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>
    /// The SQLite steps, recording the ones this test is about; the first write waits until the reading is complete, so
    /// the next dataset arrives after it.
    /// </summary>
    private sealed class ObservedSteps(
        ILoadSteps inner, List<string> steps, TaskCompletionSource firstWriteStarted, Task readingDone, ManualResetEventSlim inserted) : ILoadSteps, IDeferredInserts
    {
        private readonly TaskCompletionSource _insertedOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
            _insertedOnce.TrySetResult();
        }

        public Task RecordDatasetAsync(DatasetExtract dataset, DatasetCounts counts, DatasetWrite write) => inner.RecordDatasetAsync(dataset, counts, write);

        public Task RecountDatasetAsync(DatasetExtract dataset, DatasetCounts counts)
        {
            steps.Add($"recount {dataset.Contract.Name}");
            return ((IDeferredInserts)inner).RecountDatasetAsync(dataset, counts);
        }

        public Task RecordIssuesAsync(IReadOnlyList<ValidationIssue> issues) => inner.RecordIssuesAsync(issues);

        public Task UpdateLocalAuthorityAsync(string? laName) => inner.UpdateLocalAuthorityAsync(laName);

        /// <summary>Whether the case data is handed over only once the first deferred dataset is inserted (30 s at most).</summary>
        public bool CaseDataHeldUntilInserted { get; init; }

        public Task<LaCaseData> ReadCaseDataAsync()
        {
            steps.Add("read case data");
            var reading = inner.ReadCaseDataAsync();
            return CaseDataHeldUntilInserted ? HoldAsync(reading) : reading;
        }

        private async Task<LaCaseData> HoldAsync(Task<LaCaseData> reading)
        {
            await _insertedOnce.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var caseData = await reading;
            lock (steps)
            {
                steps.Add("case data handed over");
            }

            return caseData;
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
