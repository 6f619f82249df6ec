namespace PerfPipeline.Tests.Loading;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Retention of the archive and quarantine on the local folder source and a SQLite warehouse: copies older than the
/// retention period are removed and recorded in the audit, the warehouse keeps what it loaded, and a replay of such a
/// load says its copy was purged. (The blob source's purge: <c>Functions/RetentionOnBlobStorageTests</c>.)
/// </summary>
public sealed class RetentionPurgeTests : IDisposable
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";
    private static readonly DateTimeOffset Now = new(2021, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly PerfPipeline.Privacy.PseudonymisationKey _key = TestKeys.NewKey();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2020-02-15T12:00:00Z", false)] // exactly 13 months: kept
    [InlineData("2020-02-15T11:59:59Z", true)]
    [InlineData("2021-03-15T00:00:00Z", false)]
    public void IsExpired_ThirteenMonths_IsByCalendarMonths(string copiedAt, bool expired)
    {
        var copy = new BatchCopy(BatchCopyKind.Archive, new BatchLocation("872", new DateOnly(2020, 1, 31)), "872-20200131-0123456789abcdef", DateTimeOffset.Parse(copiedAt, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expired, RetentionPurge.IsExpired(copy, RetentionPurge.CutoffAt(Now, 13)));
    }

    [Fact]
    public async Task PurgeAsync_CopiesOlderThanTheRetention_RemovesThemRecordsEachAndKeepsTheWarehouse()
    {
        var (old, recent) = await LoadTwoBatchesAsync();
        var rejected = Batch("2020-02-29").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR9,P9,not-a-date\n").Build();
        Assert.Equal(LoadOutcomeKind.Rejected, (await Loader().LoadBatchAsync(rejected, Ct)).Kind);
        var quarantined = Assert.Single(await Source().ListCopiesAsync(Ct).ToListAsync(Ct), c => c.Kind == BatchCopyKind.Quarantine);
        Age(BatchCopyKind.Archive, old, months: 14);
        Age(BatchCopyKind.Quarantine, quarantined.Batch, quarantined.LoadId, months: 13, extraDays: 1);
        Age(BatchCopyKind.Archive, recent, months: 12);

        var purged = await Purge().PurgeAsync(Ct);

        Assert.Equal([(BatchCopyKind.Archive, old.LoadId), (BatchCopyKind.Quarantine, quarantined.LoadId)], purged.Select(p => (p.Kind, p.LoadId)));
        Assert.Equal([recent.LoadId], (await Source().ListCopiesAsync(Ct).ToListAsync(Ct)).Select(c => c.LoadId));
        Assert.False(Directory.Exists(_temp.File("archive", "872", "2019-09-30")));
        var audited = await Warehouse().ListPurgesAsync(cancellationToken: Ct);
        Assert.Equal(purged.OrderBy(p => p.LoadId, StringComparer.Ordinal), audited.OrderBy(p => p.LoadId, StringComparer.Ordinal));
        Assert.All(audited, p => Assert.Equal((Now, 13), (p.PurgedAt, p.RetentionMonths)));
        Assert.Equal(LoadStatus.Loaded, (await Warehouse().FindLoadAsync(old.LoadId, Ct))!.Status);
        Assert.Equal(3, (await Warehouse().ReadCaseDataAsync("872", Ct)).Referrals.Count);
    }

    [Fact]
    public async Task ReplayAsync_LoadWhoseCopyWasPurged_SaysSoAndChangesNothing()
    {
        var (old, _) = await LoadTwoBatchesAsync();
        Age(BatchCopyKind.Archive, old, months: 14);
        await Purge().PurgeAsync(Ct);
        var before = await Warehouse().FindLoadAsync(old.LoadId, Ct);

        var replay = await Loader().ReplayAsync(old.LoadId, Ct);

        Assert.Equal(LoadOutcomeKind.CopyPurged, replay.Kind);
        Assert.False(replay.Succeeded);
        Assert.Equal(
            $"The copy of load {old.LoadId} was purged on 2021-03-15 (archive, written 2020-01-15, kept 13 months): it can no longer be replayed. What it loaded stays in the warehouse.",
            replay.Error);
        var after = await Warehouse().FindLoadAsync(old.LoadId, Ct);
        Assert.Equal((before!.Status, before.Attempts, before.FinishedAt), (after!.Status, after.Attempts, after.FinishedAt));
        Assert.Equal(before.Datasets, after.Datasets);
    }

    [Fact]
    public async Task ReplayAsync_NoCopyAndNoPurge_IsStillAPlainFailure()
    {
        var (old, _) = await LoadTwoBatchesAsync();
        Directory.Delete(_temp.File("archive", "872", "2019-09-30", old.LoadId), recursive: true);

        var replay = await Loader().ReplayAsync(old.LoadId, Ct);

        Assert.Equal(LoadOutcomeKind.Failed, replay.Kind);
        Assert.Contains("No archived or quarantined copy", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeAsync_NothingOldEnough_RemovesNothing()
    {
        await LoadTwoBatchesAsync();

        var purged = await Purge().PurgeAsync(Ct);

        Assert.Empty(purged);
        Assert.Equal(2, (await Source().ListCopiesAsync(Ct).ToListAsync(Ct)).Count);
        Assert.Empty(await Warehouse().ListPurgesAsync(cancellationToken: Ct));
    }

    public void Dispose() => _temp.Dispose();

    private async Task<(LoadOutcome Old, LoadOutcome Recent)> LoadTwoBatchesAsync()
    {
        await Warehouse().MigrateAsync(Ct);
        Batch("2019-09-30").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-07-03\nR2,P2,2019-08-12\n").Build();
        Batch("2019-10-31").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-07-03\nR2,P2,2019-08-12\nR3,P3,2019-10-02\n").Build();
        var outcomes = await Loader().LoadNewBatchesAsync(cancellationToken: Ct);
        Assert.All(outcomes, o => Assert.Equal(LoadOutcomeKind.Loaded, o.Kind));
        return (outcomes[0], outcomes[1]);
    }

    /// <summary>Backdates a copy: its folder's time is when it was written.</summary>
    private void Age(BatchCopyKind kind, LoadOutcome load, int months) => Age(kind, load.Batch, load.LoadId, months, 0);

    private void Age(BatchCopyKind kind, BatchLocation batch, string loadId, int months, int extraDays)
    {
        var folder = _temp.File(kind == BatchCopyKind.Archive ? "archive" : "quarantine", batch.LaCode, $"{batch.AsAt:yyyy-MM-dd}", loadId);
        Directory.SetLastWriteTimeUtc(folder, Now.AddMonths(-months).AddDays(-extraDays).UtcDateTime);
    }

    private BatchBuilder Batch(string asAt) => new(_temp.File("extracts"), "872", asAt);

    private LocalFolderBatchSource Source() => new(new LocalFolderBatchSourceOptions
    {
        ExtractsRoot = _temp.File("extracts"),
        ArchiveRoot = _temp.File("archive"),
        QuarantineRoot = _temp.File("quarantine"),
    });

    private SqliteWarehouse Warehouse() => new(_temp.File("data", "perfpipeline.db"), _ => [], _clock);

    private BatchLoader Loader() => new(Source(), Warehouse(), new ExtractReader(_key, _clock), _clock);

    private RetentionPurge Purge() => new(Source(), Warehouse(), 13, _clock);
}
