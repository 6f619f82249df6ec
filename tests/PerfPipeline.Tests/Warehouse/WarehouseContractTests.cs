namespace PerfPipeline.Tests.Warehouse;

using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;

using static WarehouseBatches;

/// <summary>
/// The behaviour every warehouse implementation has. A sealed subclass per implementation supplies the storage
/// (and a way to look at its columns); each test gets a fresh, migrated warehouse.
/// </summary>
public abstract class WarehouseContractTests : IAsyncLifetime
{
    private static readonly DateOnly Dob = new(2001, 7, 19);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2019, 10, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>A warehouse on this test's storage; every call sees the same data.</summary>
    protected abstract IWarehouse CreateWarehouse(ComputeIndicators computeIndicators);

    /// <summary>The columns of a table of this test's storage.</summary>
    protected abstract Task<IReadOnlyList<string>> ColumnsOfAsync(string table);

    public virtual async ValueTask InitializeAsync() => await Warehouse().MigrateAsync(TestContext.Current.CancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_NewWarehouse_HasEveryContractTableWithItsStoredColumns()
    {
        foreach (var dataset in ExtractContract.Datasets)
        {
            var columns = await ColumnsOfAsync(dataset.Table);

            IEnumerable<string> expected = ["la_code", .. dataset.Columns.Select(c => c.StoredAs), "load_id"];
            if (dataset.Kind == DatasetKind.Snapshot)
            {
                expected = expected.Append("as_at");
            }

            Assert.Equal(expected.Order(StringComparer.Ordinal), columns.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task LoadAsync_AcceptedBatch_RecordsCountsPerDatasetAndStoresTheRows()
    {
        var sut = Warehouse();
        var batch = Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2)), Referral("R2", "P2", new(2019, 9, 3))], rejected: 1),
            Dataset(ExtractContract.Person, [Person("P1", Dob)]),
        ]);

        var result = await sut.LoadAsync(batch, cancellationToken: Ct);

        Assert.False(result.AlreadyLoaded);
        Assert.Equal(LoadStatus.Loaded, result.Load.Status);
        var referrals = result.Load.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes");
        Assert.Equal(new DatasetCounts("ssd_cin_episodes", 3, 2, 1, 0), referrals.Counts);
        Assert.Equal(DatasetOutcome.Current, referrals.Outcome);
        Assert.All(result.Load.Datasets, d => Assert.Equal(d.Counts.RowsRead, d.Counts.RowsLoaded + d.Counts.RowsRejected));
        var data = await sut.ReadCaseDataAsync("872", Ct);
        Assert.Equal(["R1", "R2"], data.Referrals.Select(r => r.ReferralId));
        Assert.Equal(new HashSet<string> { "ssd_cin_episodes", "ssd_person" }, data.SuppliedDatasets);
    }

    [Fact]
    public async Task ReadTeamNamesAsync_DepartmentLists_GiveEachIdTheNameOfTheNewestAsAtThatListsIt()
    {
        var sut = Warehouse();
        Assert.Equal(0, (await sut.ReadTeamNamesAsync("872", Ct)).Count);

        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.Departments, [["40", "Front Door", "10"], ["41", "Children in Care", "10"], ["10", "Social Care", null], ["42", null, "10"]])]), cancellationToken: Ct);
        // A list loaded late (an older as_at) names only what no newer list names.
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.Departments, [["40", "Old Front Door", null], ["43", "Closed Team", "10"]])]), cancellationToken: Ct);
        // A newer list renames 40 and leaves 41 out.
        await sut.LoadAsync(Batch(new DateOnly(2019, 10, 31), [Dataset(ExtractContract.Departments, [["40", "Duty", "10"], ["44", "Duty", "10"], ["10", "Social Care", null]])]), cancellationToken: Ct);

        var names = await sut.ReadTeamNamesAsync("872", Ct);
        string[] keys = ["40", "41", "10", "42", "43", "44"];
        Assert.Equal(["Duty (40)", "Children in Care", "Social Care", "42", "Closed Team", "Duty (44)"], keys.Select(names.Label));
        Assert.Equal(("Duty", "10", "Social Care"), (names.Find("40")!.Name, names.ParentKey("40"), names.ParentLabel("40")));
        Assert.Null(names.ParentLabel("10"));
        Assert.Equal("45", names.Label("45"));
        Assert.Equal("No team recorded", names.Label(PerfPipeline.Indicators.Teams.TeamKeys.NoTeamRecorded));
        Assert.Equal(0, (await sut.ReadTeamNamesAsync("871", Ct)).Count);
    }

    [Fact]
    public async Task ListLocalAuthoritiesAsync_LoadedLas_HaveTheirNameAndNewestLoadedAsAt()
    {
        var sut = Warehouse();
        Assert.Empty(await sut.ListLocalAuthoritiesAsync(Ct));
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2))])]), cancellationToken: Ct);
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2))])]), cancellationToken: Ct);
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("S1", "P1", new(2019, 8, 2))])], laCode: "873"), cancellationToken: Ct);
        await sut.RecordFailureAsync(new LoadKey("874", September, new string('a', 64)), Time.GetUtcNow(), "failed", Ct);

        var result = await sut.ListLocalAuthoritiesAsync(Ct);

        Assert.Equal([new LocalAuthorityRecord("872", "Wokingham", September), new LocalAuthorityRecord("873", "Wokingham", August)], result);
    }

    [Fact]
    public async Task LoadAsync_SameBatchTwice_SecondIsAlreadyLoadedAndChangesNothing()
    {
        var sut = Warehouse();
        var batch = Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]);
        var first = await sut.LoadAsync(batch, cancellationToken: Ct);
        var before = await SnapshotOfAsync(sut);

        var second = await sut.LoadAsync(batch, cancellationToken: Ct);

        Assert.True(second.AlreadyLoaded);
        Assert.Equal(first.Load.LoadId, second.Load.LoadId);
        Assert.Equal(before, await SnapshotOfAsync(sut));
        Assert.Equal(1, Assert.Single(await sut.ListLoadsAsync(cancellationToken: Ct)).Attempts);
    }

    [Fact]
    public async Task LoadAsync_NewerBatch_SupersedesTheEventDatasetsItCarries()
    {
        var sut = Warehouse();
        var august = await sut.LoadAsync(Batch(August, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2)), Referral("R2", "P2", new(2019, 8, 3))]),
            Dataset(ExtractContract.Person, [Person("P1", Dob)]),
        ]), cancellationToken: Ct);

        var september = await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2)), Referral("R3", "P3", new(2019, 9, 3))]),
        ]), cancellationToken: Ct);

        var data = await sut.ReadCaseDataAsync("872", Ct);
        Assert.Equal(["R1", "R3"], data.Referrals.Select(r => r.ReferralId));
        Assert.Equal(["P1"], data.People.Select(p => p.PersonKey));
        var augustNow = await sut.FindLoadAsync(august.Load.LoadId, Ct);
        var augustReferrals = augustNow!.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes");
        Assert.Equal(DatasetOutcome.Superseded, augustReferrals.Outcome);
        Assert.Equal(september.Load.LoadId, augustReferrals.SupersededBy);
        Assert.Equal(DatasetOutcome.Current, augustNow.Datasets.Single(d => d.Counts.Dataset == "ssd_person").Outcome);
    }

    [Fact]
    public async Task LoadAsync_OlderBatchAfterNewer_KeepsTheNewerEventDataAndBothSnapshots()
    {
        var sut = Warehouse();
        var september = await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2)), Referral("R3", "P3", new(2019, 9, 3))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C1", "P1", "YES")]),
        ]), cancellationToken: Ct);

        var august = await sut.LoadAsync(Batch(August, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2)), Referral("R2", "P2", new(2019, 8, 3))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C1", "P1", "NO"), CareLeaver("C2", "P2", "YES")]),
        ]), cancellationToken: Ct);

        var data = await sut.ReadCaseDataAsync("872", Ct);
        Assert.Equal(["R1", "R3"], data.Referrals.Select(r => r.ReferralId));
        var referrals = august.Load.Datasets.Single(d => d.Counts.Dataset == "ssd_cin_episodes");
        Assert.Equal(DatasetOutcome.OlderThanCurrent, referrals.Outcome);
        Assert.Equal(september.Load.LoadId, referrals.SupersededBy);
        Assert.Equal([August, September], data.CareLeaverSnapshots.Select(s => s.AsAt));
        Assert.Equal(["NO", "YES"], data.CareLeaverSnapshots[0].Rows.Select(r => r.InTouch));
        Assert.Equal(["YES"], data.CareLeaverSnapshots[1].Rows.Select(r => r.InTouch));
    }

    [Fact]
    public async Task LoadAsync_CorrectedDeliveryOfTheSameAsAt_ReplacesEventsAndSnapshot()
    {
        var sut = Warehouse();
        var first = await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C1", "P1", "YES")]),
        ]), cancellationToken: Ct);

        var corrected = await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R9", "P9", new(2019, 9, 2))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C9", "P9", "NO")]),
        ], delivery: "2"), cancellationToken: Ct);

        Assert.NotEqual(first.Load.LoadId, corrected.Load.LoadId);
        var data = await sut.ReadCaseDataAsync("872", Ct);
        Assert.Equal(["R9"], data.Referrals.Select(r => r.ReferralId));
        Assert.Equal(["C9"], Assert.Single(data.CareLeaverSnapshots).Rows.Select(r => r.CareLeaverId));
        var firstNow = await sut.FindLoadAsync(first.Load.LoadId, Ct);
        Assert.Equal([DatasetOutcome.Superseded, DatasetOutcome.SnapshotReplaced], firstNow!.Datasets.Select(d => d.Outcome));
    }

    [Fact]
    public async Task ReadCaseDataAsync_AfterLoad_GivesEveryValueBackInItsType()
    {
        var sut = Warehouse();
        await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.Person, [Person("P1", Dob), Person("P2", null)]),
            Dataset(ExtractContract.Professionals, [["W1", true, 0.8m, true, new DateOnly(2018, 1, 2), null]]),
            Dataset(ExtractContract.Missing, [["M1", "P1", new DateOnly(2019, 9, 1), "Missing", new DateOnly(2019, 9, 2), true, false, new DateOnly(2019, 9, 4)]]),
            Dataset(ExtractContract.EhcpActivePlans, [["E1", null, null, false]]),
        ]), cancellationToken: Ct);

        var data = await sut.ReadCaseDataAsync("872", Ct);

        Assert.Equal(
            [new Person("P1", "F", "WBRI", new DateOnly(2001, 7, 1), "family-P1"), new Person("P2", "F", "WBRI", null, "family-P2")],
            data.People);
        Assert.Equal(new Professional("W1", true, 0.8m, true, new DateOnly(2018, 1, 2), null), Assert.Single(data.Professionals));
        Assert.Equal(
            new MissingEpisode("M1", "P1", new DateOnly(2019, 9, 1), "Missing", new DateOnly(2019, 9, 2), true, false, new DateOnly(2019, 9, 4)),
            Assert.Single(data.MissingEpisodes));
        var snapshot = Assert.Single(data.EhcpActivePlanSnapshots);
        // The snapshot carries its load's source_system (the batch's manifest names Mosaic).
        Assert.Equal(new Snapshot<EhcpActivePlan>(September, snapshot.Rows) { SourceSystem = "Mosaic" }, snapshot);
        Assert.Equal(new EhcpActivePlan("E1", null, null, false), Assert.Single(snapshot.Rows));
    }

    [Fact]
    public async Task LoadAsync_ComputesIndicatorsOnTheCaseDataAsLoadedAndKeepsEveryLoadsValues()
    {
        var quarter = Period.Quarter(2019, 2);
        var sut = Warehouse(data => [new IndicatorValue(data.LaCode, "CSC_REFERRALS", quarter, data.Referrals.Count, null, data.Referrals.Count)]);
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2))])]), cancellationToken: Ct);
        var afterAugust = await sut.ReadCurrentIndicatorValuesAsync("872", Ct);

        Time.Advance(TimeSpan.FromDays(31));
        await sut.LoadAsync(Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2)), Referral("R2", "P2", new(2019, 9, 2))]),
        ]), cancellationToken: Ct);

        Assert.Equal(1m, Assert.Single(afterAugust).Value);
        var current = Assert.Single(await sut.ReadCurrentIndicatorValuesAsync("872", Ct));
        Assert.Equal(new IndicatorValue("872", "CSC_REFERRALS", quarter, 2m, null, 2m), current);
    }

    [Fact]
    public async Task LoadAsync_MonthAndFinancialYearPublishedWithTheSameCode_KeepsBothValues()
    {
        Period[] periods = [Period.Month(2011, 12), Period.FinancialYear(2011)];
        var sut = Warehouse(data => [.. periods.Select((p, i) => new IndicatorValue(data.LaCode, "CSC_REFERRALS", p, i + 1, null, i + 1))]);

        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2011, 12, 2))])]), cancellationToken: Ct);

        var values = await sut.ReadCurrentIndicatorValuesAsync("872", Ct);
        Assert.Equal(
            [("2011-12", PeriodType.Month, 1m), ("2011-12", PeriodType.FinancialYear, 2m)],
            values.Select(v => (v.Period.Code, v.Period.Type, v.Value!.Value)).OrderBy(v => v.Type));
    }

    [Fact]
    public async Task LoadAsync_IndicatorsFail_NothingOfTheLoadIsCommittedAndTheFailureCanBeRecordedAndReplayed()
    {
        var august = Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2))])]);
        await Warehouse().LoadAsync(august, cancellationToken: Ct);
        var before = await SnapshotOfAsync(Warehouse());
        // Each load is given the batch as read (a replay reads it again): a load may release the rows it has written.
        static ExtractBatch September1() => Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R2", "P2", new(2019, 9, 2))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C1", "P1", "YES")]),
        ]);
        var september = September1();
        var failing = Warehouse(_ => throw new InvalidOperationException("Indicator engine failed."));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.LoadAsync(september, cancellationToken: Ct));

        Assert.Equal(before, await SnapshotOfAsync(Warehouse()));
        var key = LoadKey.Of(september);
        await failing.RecordFailureAsync(key, Time.GetUtcNow(), error.Message, Ct);
        var failed = Assert.Single(await failing.ListLoadsAsync(LoadStatus.Failed, Ct));
        Assert.Equal((key.LoadId, "Indicator engine failed."), (failed.LoadId, failed.Error));
        Assert.Empty(failed.Datasets);

        var replayed = await Warehouse().LoadAsync(September1(), LoadMode.Reload, Ct);

        Assert.Equal((LoadStatus.Loaded, 2, null), (replayed.Load.Status, replayed.Load.Attempts, replayed.Load.Error));
        Assert.Equal(["R2"], (await Warehouse().ReadCaseDataAsync("872", Ct)).Referrals.Select(r => r.ReferralId));
        Assert.Empty(await Warehouse().ListLoadsAsync(LoadStatus.Failed, Ct));
    }

    [Fact]
    public async Task LoadAsync_ReloadOfALoadedBatch_GivesTheSameData()
    {
        var sut = Warehouse();
        // Each load is given the batch as read (a replay reads it again): a load may release the rows it has written.
        static ExtractBatch September1() => Batch(September, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))]),
            Dataset(ExtractContract.CareLeavers, [CareLeaver("C1", "P1", "YES")]),
        ]);
        await sut.LoadAsync(September1(), cancellationToken: Ct);
        var before = JsonSerializer.Serialize(await sut.ReadCaseDataAsync("872", Ct));

        var replayed = await sut.LoadAsync(September1(), LoadMode.Reload, Ct);

        Assert.False(replayed.AlreadyLoaded);
        Assert.Equal(2, replayed.Load.Attempts);
        Assert.Equal(before, JsonSerializer.Serialize(await sut.ReadCaseDataAsync("872", Ct)));
        Assert.Equal([DatasetOutcome.Current, DatasetOutcome.Snapshot], replayed.Load.Datasets.Select(d => d.Outcome));
    }

    [Fact]
    public async Task FindLatestLoadAsync_SeveralLoads_IsTheLasLastCommittedLoad()
    {
        var sut = Warehouse();
        Assert.Null(await sut.FindLatestLoadAsync("872", Ct));
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]), cancellationToken: Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        var older = await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2))])]), cancellationToken: Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("S1", "Q1", new(2019, 9, 2))])], laCode: "873"), cancellationToken: Ct);
        await sut.RecordFailureAsync(new LoadKey("872", September, new string('a', 64)), Time.GetUtcNow(), "failed", Ct);

        var result = await sut.FindLatestLoadAsync("872", Ct);

        // The older as_at loaded last is the latest load (what was committed last); the data is still as at the newest. The
        // stamp carries the newest reference import (the defaults imported when migrated), as the dashboard's ETag needs.
        var referenceImport = await sut.FindLatestReferenceImportAsync(Ct);
        Assert.NotNull(referenceImport);
        Assert.Equal(new LoadStamp(older.Load.Key, older.Load.FinishedAt, September) { ReferenceImport = referenceImport }, result);
        Assert.Equal("873", (await sut.FindLatestLoadAsync("873", Ct))!.Key.LaCode);
        Assert.Null(await sut.FindLatestLoadAsync("874", Ct));
    }

    [Fact]
    public async Task ListLoadsAsync_TwoLas_KeepsTheirDataApart()
    {
        var sut = Warehouse();
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]), cancellationToken: Ct);
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "Q1", new(2019, 8, 2))])], laCode: "871"), cancellationToken: Ct);

        Assert.Equal(["871", "872"], (await sut.ListLoadsAsync(cancellationToken: Ct)).Select(l => l.Key.LaCode).Order());
        Assert.Equal(["P1"], (await sut.ReadCaseDataAsync("872", Ct)).Referrals.Select(r => r.PersonKey));
        Assert.Equal(["Q1"], (await sut.ReadCaseDataAsync("871", Ct)).Referrals.Select(r => r.PersonKey));
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IWarehouse Warehouse(ComputeIndicators? computeIndicators = null) => CreateWarehouse(computeIndicators ?? (_ => []));

    /// <summary>Everything a reader of the warehouse can see for LA 872, as text to compare.</summary>
    private static async Task<string> SnapshotOfAsync(IWarehouse warehouse) => JsonSerializer.Serialize(new
    {
        CaseData = await warehouse.ReadCaseDataAsync("872", Ct),
        Loads = await warehouse.ListLoadsAsync(cancellationToken: Ct),
        Values = await warehouse.ReadCurrentIndicatorValuesAsync("872", Ct),
    });
}
