namespace PerfPipeline.Tests.Loading;

using System.Text;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>The load pipeline end to end on real parts: batch folders, the extract reader and a SQLite file.</summary>
public sealed class BatchLoaderTests : IDisposable
{
    private const string People = "pers_person_id,pers_sex,pers_ethnicity,pers_dob\n1001,F,WBRI,2012-03-14\n1002,M,WBRI,2015-11-02\n";
    private const string Referrals = """
        cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team
        R1,1001,2019-07-03,1A,N,,Front Door
        R2,1002,2019-08-12,3B,Y,2019-08-20,Front Door
        R3,1002,2019-08-30,3B,N,,Front Door

        """;

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalFolderBatchSource _source;
    private readonly ExtractReader _reader;

    public BatchLoaderTests()
    {
        _source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = _temp.File("extracts"),
            ArchiveRoot = _temp.File("archive"),
            QuarantineRoot = _temp.File("quarantine"),
        });
        _reader = new ExtractReader(TestKeys.NewKey(), _clock);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task LoadNewBatchesAsync_ValidBatch_LoadsArchivesAndAuditsEveryRow()
    {
        var batch = NewBatch("2019-09-30").WithDataset("ssd_person", People).WithDataset("ssd_cin_episodes", Referrals).Build();
        var sut = await LoaderAsync();

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        Assert.Equal([("ssd_person", 2L), ("ssd_cin_episodes", 3L)], outcome.Datasets.Select(d => (d.Dataset, d.RowsLoaded)));
        var load = await Warehouse().FindLoadAsync(outcome.LoadId, Ct);
        Assert.Equal(LoadStatus.Loaded, load!.Status);
        Assert.All(load.Datasets, d => Assert.Equal(d.Counts.RowsRead, d.Counts.RowsLoaded + d.Counts.RowsRejected));
        Assert.True(File.Exists(Path.Combine(ArchiveFolder(batch, outcome.LoadId), "ssd_cin_episodes.csv")));
    }

    [Fact]
    public async Task LoadNewBatchesAsync_RowErrorsUnderTheThreshold_AuditsReadLoadedAndRejectedPerDataset()
    {
        var rows = string.Concat(Enumerable.Range(1, 40).Select(i => $"R{i},P{i},2019-08-{i % 28 + 1:00},1A,N,,Front Door\n"));
        NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals.Split('\n')[0] + "\n" + rows + "R99,P99,not a date,1A,N,,Front Door\n").Build();
        var sut = await LoaderAsync();

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        var audit = Assert.Single((await Warehouse().FindLoadAsync(outcome.LoadId, Ct))!.Datasets);
        Assert.Equal((41L, 40L, 1L), (audit.Counts.RowsRead, audit.Counts.RowsLoaded, audit.Counts.RowsRejected));
        Assert.Equal(40, (await Warehouse().ReadCaseDataAsync("872", Ct)).Referrals.Count);
    }

    [Fact]
    public async Task LoadNewBatchesAsync_SecondRun_ReportsEveryBatchAsAlreadyLoaded()
    {
        NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals).Build();
        var sut = await LoaderAsync();
        var first = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        var second = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        Assert.Equal(LoadOutcomeKind.AlreadyLoaded, second.Kind);
        Assert.Equal(first.LoadId, second.LoadId);
        Assert.Equal(first.Datasets, second.Datasets);
    }

    [Fact]
    public async Task LoadNewBatchesAsync_BatchesFoundInAnyOrder_LoadsOldestAsAtFirstSoTheNewestIsCurrent()
    {
        NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals).Build();
        NewBatch("2019-08-31").WithDataset("ssd_cin_episodes", string.Join('\n', Referrals.Split('\n').Take(3)) + "\n").Build();
        var sut = await LoaderAsync();

        var outcomes = await sut.LoadNewBatchesAsync(cancellationToken: Ct);

        Assert.Equal(["2019-08-31", "2019-09-30"], outcomes.Select(o => o.Batch.AsAt.ToString("yyyy-MM-dd", null)));
        Assert.Equal(["R1", "R2", "R3"], (await Warehouse().ReadCaseDataAsync("872", Ct)).Referrals.Select(r => r.ReferralId));
    }

    [Fact]
    public async Task LoadNewBatchesAsync_BatchOverTheRejectionThreshold_QuarantinesItAndLeavesTheDatabaseFileByteForByteUnchanged()
    {
        NewBatch("2019-08-31").WithDataset("ssd_cin_episodes", Referrals).Build();
        var sut = await LoaderAsync();
        await sut.LoadNewBatchesAsync(cancellationToken: Ct);
        var before = DatabaseBytes();
        var bad = NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals.Replace("2019-08-30", "2019-13-45", StringComparison.Ordinal)).Build();

        var outcomes = await sut.LoadNewBatchesAsync(cancellationToken: Ct);

        var rejected = Assert.Single(outcomes, o => o.Kind == LoadOutcomeKind.Rejected);
        Assert.Equal(bad, rejected.Batch);
        Assert.Equal((3L, 1L), (rejected.Datasets[0].RowsRead, rejected.Datasets[0].RowsRejected));
        Assert.Equal(before, DatabaseBytes());
        var quarantine = Path.Combine(_temp.File("quarantine"), "872", "2019-09-30", rejected.LoadId);
        Assert.Contains("2019-13-45", await File.ReadAllTextAsync(Path.Combine(quarantine, "errors.json"), Ct), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(quarantine, "summary.txt")));
        Assert.True(File.Exists(Path.Combine(quarantine, "ssd_cin_episodes.csv")));
        Assert.Null(await Warehouse().FindLoadAsync(rejected.LoadId, Ct));
    }

    [Fact]
    public async Task LoadNewBatchesAsync_ColumnsOutsideTheContract_NeverReachTheDatabaseFile()
    {
        const string Surname = "Zyxwvutsrqp";
        const string PersonId = "QWERTY-55501";
        NewBatch("2019-09-30")
            .WithDataset("ssd_person", $"pers_person_id,pers_surname,pers_sex,pers_dob\n{PersonId},{Surname},F,2012-03-14\n")
            .WithDataset("ssd_cin_episodes", $"cine_referral_id,cine_person_id,cine_referral_date,pers_surname\nR1,{PersonId},2019-09-02,{Surname}\n")
            .Build();
        var sut = await LoaderAsync();

        var outcome = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));

        Assert.Equal(LoadOutcomeKind.Loaded, outcome.Kind);
        var bytes = DatabaseBytes();
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("2019-09-02"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Surname)));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(PersonId)));
    }

    [Fact]
    public async Task LoadNewBatchesAsync_LoadFailsAfterValidation_RecordsItAsFailedWithTheDataUnchangedAndReplayLoadsIt()
    {
        NewBatch("2019-08-31").WithDataset("ssd_cin_episodes", Referrals).Build();
        await (await LoaderAsync()).LoadNewBatchesAsync(cancellationToken: Ct);
        var caseDataBefore = System.Text.Json.JsonSerializer.Serialize(await Warehouse().ReadCaseDataAsync("872", Ct));
        NewBatch("2019-09-30").WithDataset("ssd_person", People).Build();
        var failing = await LoaderAsync(_ => throw new InvalidOperationException("Indicator engine failed."));

        var failed = Assert.Single(await failing.LoadNewBatchesAsync(cancellationToken: Ct), o => o.Kind != LoadOutcomeKind.AlreadyLoaded);

        Assert.Equal((LoadOutcomeKind.Failed, "Indicator engine failed."), (failed.Kind, failed.Error));
        Assert.Equal(caseDataBefore, System.Text.Json.JsonSerializer.Serialize(await Warehouse().ReadCaseDataAsync("872", Ct)));
        var recorded = Assert.Single(await Warehouse().ListLoadsAsync(LoadStatus.Failed, Ct));
        Assert.Equal((failed.LoadId, "Indicator engine failed."), (recorded.LoadId, recorded.Error));

        var replayed = Assert.Single(await (await LoaderAsync()).ReplayFailedAsync(Ct));

        Assert.Equal((LoadOutcomeKind.Loaded, failed.LoadId), (replayed.Kind, replayed.LoadId));
        Assert.Empty(await Warehouse().ListLoadsAsync(LoadStatus.Failed, Ct));
        Assert.Equal(2, (await Warehouse().ReadCaseDataAsync("872", Ct)).People.Count);
    }

    [Fact]
    public async Task ReplayAsync_LoadedBatchWhoseFolderIsGone_ReloadsItFromTheArchive()
    {
        var batch = NewBatch("2019-09-30").WithDataset("ssd_cin_episodes", Referrals).Build();
        var sut = await LoaderAsync();
        var loaded = Assert.Single(await sut.LoadNewBatchesAsync(cancellationToken: Ct));
        Directory.Delete(Path.Combine(_temp.File("extracts"), batch.Path), recursive: true);

        var replayed = await sut.ReplayAsync(loaded.LoadId, Ct);

        Assert.Equal(LoadOutcomeKind.Loaded, replayed.Kind);
        Assert.Equal(loaded.Datasets, replayed.Datasets);
        Assert.Equal(2, (await Warehouse().FindLoadAsync(loaded.LoadId, Ct))!.Attempts);
    }

    [Fact]
    public async Task ReplayAsync_UnknownLoad_FailsWithoutTouchingTheWarehouse()
    {
        var sut = await LoaderAsync();

        var outcome = await sut.ReplayAsync("872-20190930-0123456789abcdef", Ct);

        Assert.Equal(LoadOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("No archived or quarantined copy", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(await Warehouse().ListLoadsAsync(cancellationToken: Ct));
    }

    public void Dispose() => _temp.Dispose();

    private BatchBuilder NewBatch(string asAt) => new(_temp.File("extracts"), "872", asAt);

    private SqliteWarehouse Warehouse(ComputeIndicators? computeIndicators = null) => new(DatabasePath, computeIndicators ?? (_ => []), _clock);

    private async Task<BatchLoader> LoaderAsync(ComputeIndicators? computeIndicators = null)
    {
        var warehouse = Warehouse(computeIndicators);
        await warehouse.MigrateAsync(Ct);
        return new BatchLoader(_source, warehouse, _reader, _clock);
    }

    private string ArchiveFolder(BatchLocation batch, string loadId) => Path.Combine(_temp.File("archive"), batch.Path, loadId);

    /// <summary>The database file with its write-ahead log, if one is left: everything SQLite has written.</summary>
    private byte[] DatabaseBytes()
    {
        var wal = DatabasePath + "-wal";
        return [.. File.ReadAllBytes(DatabasePath), .. File.Exists(wal) ? File.ReadAllBytes(wal) : []];
    }
}
