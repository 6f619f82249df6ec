namespace PerfPipeline.Tests.Loading;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.Sqlite;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// The SQLite warehouse writes each dataset while the rest of the batch is read (<c>ILoadWhileReading</c>): it stores
/// what loading a batch read first stores, and a batch found wanting only once read leaves nothing.
/// </summary>
public sealed class LoadWhileReadingTests : IDisposable
{
    private const string People = "pers_person_id,pers_sex,pers_ethnicity,pers_dob\n1001,F,WBRI,2012-03-14\n1002,M,WBRI,2015-11-02\n";
    private const string Referrals = """
        cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team
        R1,1001,2019-07-03,1A,N,,Front Door
        R2,1002,2019-08-12,3B,Y,2019-08-20,Front Door

        """;

    private const string Assessments = """
        cina_assessment_id,cina_person_id,cina_referral_id,cina_assessment_start_date,cina_assessment_auth_date,cina_assessment_team
        A1,1001,R1,2019-07-04,2019-08-01,Front Door

        """;

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly PseudonymisationKey _key = TestKeys.NewKey();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadNewBatchesAsync_Seeds_StoreWhatLoadingEachBatchReadFirstStores()
    {
        var whileReading = await LoadSeedsAsync("while-reading", warehouse => warehouse);
        var readFirst = await LoadSeedsAsync("read-first", warehouse =>
            new ResilientWarehouse(warehouse, new WarehouseRetry(new WarehouseRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero }, SqlServerTransientFaults.IsTransient, _clock)));

        Assert.All(whileReading.Outcomes.Concat(readFirst.Outcomes), o => Assert.Equal(LoadOutcomeKind.Loaded, o.Kind));
        Assert.Equal(readFirst.Outcomes.Select(o => o.Datasets), whileReading.Outcomes.Select(o => o.Datasets));
        var tables = await SqliteTableRows.TablesAsync(readFirst.Path);
        Assert.Contains("fact_cp_visit", tables);
        Assert.Contains("audit_load_issue", tables);
        foreach (var table in tables)
        {
            Assert.Equal(await SqliteTableRows.RowsAsync(readFirst.Path, table), await SqliteTableRows.RowsAsync(whileReading.Path, table));
        }
    }

    [Fact]
    public async Task LoadNewBatchesAsync_FirstLoadRejectedByItsLastFile_LeavesANewFileEmptyInWalModeAndTheNextBatchLoads()
    {
        var rejected = NewBatch("2019-08-31").WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals)
            .WithDataset("ssd_cin_assessments", Assessments, sha256: new string('0', 64)).Build();
        var (sut, warehouse) = await LoaderAsync();

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        Assert.Equal(LoadOutcomeKind.Rejected, outcome.Kind);
        Assert.Contains("sha256", outcome.Error, StringComparison.Ordinal);
        Assert.Equal([("ssd_person", 2L), ("ssd_cin_episodes", 2L), ("ssd_cin_assessments", 1L)], outcome.Datasets.Select(d => (d.Dataset, d.RowsLoaded)));
        Assert.True(File.Exists(Path.Combine(_temp.File("quarantine"), rejected.Path, outcome.LoadId, "errors.json")));
        Assert.False(Directory.Exists(Path.Combine(_temp.File("archive"), rejected.Path)));
        await using (var connection = await OpenAsync(DatabasePath))
        {
            Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
            Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT (SELECT COUNT(*) FROM audit_load) + (SELECT COUNT(*) FROM audit_load_dataset) + (SELECT COUNT(*) FROM dim_person) + (SELECT COUNT(*) FROM fact_referral) + (SELECT COUNT(*) FROM fact_assessment)"));
        }

        var nextBatch = NewBatch("2019-09-30").WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals).Build();
        var next = await sut.LoadBatchAsync(nextBatch, Ct);
        Assert.Equal(LoadOutcomeKind.Loaded, next.Kind);
        Assert.Equal(2, (await warehouse.ReadCaseDataAsync("872", Ct)).Referrals.Count);
    }

    [Fact]
    public async Task LoadNewBatchesAsync_WarehouseFailsAndTheBatchIsRejectedToo_ReportsTheRejectionAndQuarantinesTheBatch()
    {
        var batch = NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals).WithDataset("ssd_person", People, rows: 7).Build();
        var (sut, warehouse) = await LoaderAsync(referralsFail: true);

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        // Read first, the batch would never have reached the warehouse: the analyst is told what to fix in it.
        Assert.Equal(LoadOutcomeKind.Rejected, outcome.Kind);
        Assert.Contains("the manifest says 7 rows", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(await warehouse.ListLoadsAsync(cancellationToken: Ct));
        Assert.True(File.Exists(Path.Combine(_temp.File("quarantine"), batch.Path, outcome.LoadId, "errors.json")));
    }

    [Fact]
    public async Task LoadNewBatchesAsync_WarehouseFailsOnTheFirstDatasetOfAValidBatch_ArchivesTheWholeBatchAndRecordsTheFailureForReplay()
    {
        var batch = NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals).WithDataset("ssd_person", People)
            .WithDataset("ssd_cin_assessments", Assessments).Build();
        var (sut, warehouse) = await LoaderAsync(referralsFail: true);

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        Assert.Equal(LoadOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("simulated outage", outcome.Error, StringComparison.Ordinal);
        Assert.Equal([("ssd_cin_episodes", 2L), ("ssd_person", 2L), ("ssd_cin_assessments", 1L)], outcome.Datasets.Select(d => (d.Dataset, d.RowsRead)));
        var failed = Assert.Single(await warehouse.ListLoadsAsync(LoadStatus.Failed, Ct));
        Assert.Contains("simulated outage", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, await ScalarAsync("SELECT (SELECT COUNT(*) FROM dim_person) + (SELECT COUNT(*) FROM fact_referral)"));
        var archived = Path.Combine(_temp.File("archive"), batch.Path, outcome.LoadId);
        Assert.All(["manifest.json", "ssd_cin_episodes.csv", "ssd_person.csv", "ssd_cin_assessments.csv"], file => Assert.True(File.Exists(Path.Combine(archived, file)), file));

        await ExecuteAsync("DROP TRIGGER outage");
        var replayed = await sut.ReplayAsync(outcome.LoadId, Ct);
        Assert.Equal(LoadOutcomeKind.Loaded, replayed.Kind);
        Assert.Equal(2, (await warehouse.ReadCaseDataAsync("872", Ct)).Referrals.Count);
    }

    public void Dispose() => _temp.Dispose();

    private string DatabasePath => _temp.File("data", "perfpipeline.db");

    private LocalFolderBatchSource Source(string? extractsRoot = null, string name = "") => new(new LocalFolderBatchSourceOptions
    {
        ExtractsRoot = extractsRoot ?? _temp.File("extracts"),
        ArchiveRoot = _temp.File($"archive{name}"),
        QuarantineRoot = _temp.File($"quarantine{name}"),
    });

    private BatchBuilder NewBatch(string asAt) => new(_temp.File("extracts"), "872", asAt);

    /// <summary>A loader of the test's batches into a new file; with <paramref name="referralsFail"/>, every insert into <c>fact_referral</c> fails.</summary>
    private async Task<(BatchLoader Loader, SqliteWarehouse Warehouse)> LoaderAsync(bool referralsFail = false)
    {
        var warehouse = await WarehouseAsync(DatabasePath);
        if (referralsFail)
        {
            await ExecuteAsync("CREATE TRIGGER outage BEFORE INSERT ON fact_referral BEGIN SELECT RAISE(ABORT, 'simulated outage'); END;");
        }

        return (new BatchLoader(Source(), warehouse, new ExtractReader(_key, _clock), _clock), warehouse);
    }

    private async Task<SqliteWarehouse> WarehouseAsync(string path)
    {
        var warehouse = new SqliteWarehouse(path, _ => [], _clock);
        await warehouse.MigrateAsync(Ct);
        return warehouse;
    }

    /// <summary>The three seed batches loaded into a new file with one key and clock, through the warehouse <paramref name="wrap"/> gives.</summary>
    private async Task<(string Path, IReadOnlyList<LoadOutcome> Outcomes)> LoadSeedsAsync(string name, Func<SqliteWarehouse, IWarehouse> wrap)
    {
        var path = _temp.File(name, "perfpipeline.db");
        var warehouse = wrap(await WarehouseAsync(path));
        var loader = new BatchLoader(Source(RepositoryRoot.File("seeds", "extracts"), name), warehouse, new ExtractReader(_key, _clock), _clock);
        return (path, await loader.LoadNewBatchesAsync(cancellationToken: Ct));
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync(DatabasePath);
        await connection.ExecuteAsync(sql);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync(DatabasePath);
        return await connection.ExecuteScalarAsync<long>(sql);
    }
}
