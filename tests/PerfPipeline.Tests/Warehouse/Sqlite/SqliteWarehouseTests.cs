namespace PerfPipeline.Tests.Warehouse.Sqlite;

using System.Globalization;
using System.Text.Json;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Reference;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

public sealed class SqliteWarehouseTests : WarehouseContractTests
{
    private readonly TempDirectory _temp = new();

    private string DatabasePath => _temp.File("data", "perfpipeline.db");

    public override async ValueTask DisposeAsync()
    {
        _temp.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task MigrateAsync_NewWarehouse_FillsTheCalendarAndTheIndicatorCatalogue()
    {
        await using var connection = await OpenAsync();

        var days = (await connection.QueryAsync<(string, long, long, long)>(
            "SELECT calendar_date, is_weekend, is_bank_holiday, is_working_day FROM dim_date WHERE calendar_date IN ('2019-08-24', '2019-08-26', '2019-08-27') ORDER BY 1")).ToList();
        var quarter = await connection.QuerySingleAsync<(string, string, string)>(
            "SELECT period_type, start_date, end_date FROM dim_period WHERE period_code = '2019-20 Q2'");
        var units = (await connection.QueryAsync<(string, string)>("SELECT indicator_code, unit FROM dim_indicator ORDER BY sort_order")).ToList();

        Assert.Equal([("2019-08-24", 1L, 0L, 0L), ("2019-08-26", 0L, 1L, 0L), ("2019-08-27", 0L, 0L, 1L)], days);
        Assert.Equal(("quarter", "2019-07-01", "2019-09-30"), quarter);
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code), units.Select(u => u.Item1));
        Assert.Equal("rate_per_10k", units.Single(u => u.Item1 == IndicatorCodes.CpRatePer10K).Item2);
    }

    [Fact]
    public async Task MigrateAsync_NewWarehouse_StoresEveryDayOfTheCalendarWithItsStoredTypes()
    {
        await using var connection = await OpenAsync();

        Assert.Equal(ExpectedDays(WorkingDayCalendar.EnglandAndWales), await StoredDaysAsync(connection));
    }

    [Fact]
    public async Task ImportReference_OneOffBankHolidays_RewritesThoseDaysOfTheCalendar()
    {
        var folder = _temp.File("import", "reference");
        Directory.CreateDirectory(folder);
        var list = await File.ReadAllTextAsync(RepositoryRoot.File("seeds", "reference", "bank-holidays.csv"), Ct)
            + "2019-06-03,A one-off day,,gov.uk\n2019-09-02,Another one-off day,,gov.uk\n";
        await File.WriteAllTextAsync(Path.Combine(folder, "bank-holidays.csv"), list, Ct);

        var result = await new ReferenceImporter(Warehouse()).ImportAsync(new LocalFolderReferenceSource(folder), Ct);

        Assert.Equal([ReferenceKind.BankHolidays], result.Imported.Select(f => f.Kind));
        await using var connection = await OpenAsync();
        var days = await StoredDaysAsync(connection);
        var holidays = await ReferenceSql.ReadHolidaysAsync(connection, null, Ct);
        Assert.Contains(holidays, h => h.Date == new DateOnly(2019, 6, 3));
        Assert.Equal(ExpectedDays(WorkingDayCalendar.Of(holidays)), days);
        Assert.Contains("Int64:20190603|String:2019-06-03|Int64:2019|Int64:6|String:2019-06|Int64:1|Int64:2019|String:2019-20|Int64:1|String:2019-20 Q1|Int64:0|Int64:1|Int64:0", days);
    }

    [Fact]
    public async Task MigrateAsync_UpToDate_LeavesTheFileByteForByteUnchanged()
    {
        var before = await File.ReadAllBytesAsync(DatabasePath, Ct);

        await Warehouse().MigrateAsync(Ct);

        Assert.Equal(before, await File.ReadAllBytesAsync(DatabasePath, Ct));
    }

    [Fact]
    public async Task MigrateAsync_NewFile_Has16KbPagesInWalMode()
    {
        await using var connection = await OpenAsync();

        Assert.Equal(16384L, await connection.ExecuteScalarAsync<long>("PRAGMA page_size"));
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task MigrateAsync_ExistingFileWith4KbPages_KeepsItsPageSizeAndLoads()
    {
        var path = _temp.File("old", "perfpipeline.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var created = new SqliteConnection(SqliteConnections.ConnectionString(path)))
        {
            await created.OpenAsync(Ct);
            await created.ExecuteAsync("PRAGMA page_size = 4096; CREATE TABLE earlier (x INTEGER); DROP TABLE earlier;");
        }

        var sut = new SqliteWarehouse(path, _ => [], Time);
        await sut.MigrateAsync(Ct);
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]), cancellationToken: Ct);

        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        await connection.OpenAsync(Ct);
        Assert.Equal(4096L, await connection.ExecuteScalarAsync<long>("PRAGMA page_size"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_referral"));
    }

    [Fact]
    public async Task MigrateAsync_NothingChangedSinceTheLastOpen_SkipsTheFillsUntilAnotherBuildOpensIt()
    {
        // A quarter of dim_period gone: not part of what the fingerprint covers, so only a full open puts it back.
        const string quarter = "SELECT COUNT(*) FROM dim_period WHERE period_type = 'quarter' AND period_code = '2019-20 Q2'";
        await using (var connection = await OpenAsync())
        {
            Assert.NotEqual(0L, await connection.ExecuteScalarAsync<long>("PRAGMA user_version"));
            await connection.ExecuteAsync("DELETE FROM dim_period WHERE period_type = 'quarter' AND period_code = '2019-20 Q2'");
        }

        await Warehouse().MigrateAsync(Ct);

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(0L, await connection.ExecuteScalarAsync<long>(quarter));
        }

        await new SqliteWarehouse(DatabasePath, _ => [], Time) { LibraryBuild = Guid.NewGuid() }.MigrateAsync(Ct);

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(quarter));
        }
    }

    [Fact]
    public async Task MigrateAsync_AnIndicatorRowChangedSinceTheLastOpen_IsWrittenAgain()
    {
        var code = IndicatorCodes.CscReferrals;
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE dim_indicator SET label = 'an older label' WHERE indicator_code = @Code", new { Code = code });
        }

        await Warehouse().MigrateAsync(Ct);

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(
                IndicatorCatalogue.Get(code).Label,
                await connection.ExecuteScalarAsync<string>("SELECT label FROM dim_indicator WHERE indicator_code = @Code", new { Code = code }));
        }
    }

    [Fact]
    public async Task MigrateAsync_ShippedDefaultsNotInForceSinceTheLastOpen_AreImportedAgain()
    {
        const string comparators = "SELECT sha256 FROM ref_file_current WHERE scope = 'default' AND kind = 'comparators'";
        string shipped;
        await using (var connection = await OpenAsync())
        {
            // As if another build had stored other defaults since.
            shipped = await connection.ExecuteScalarAsync<string>(comparators) ?? string.Empty;
            await connection.ExecuteAsync("UPDATE ref_file SET sha256 = @Other WHERE scope = 'default' AND kind = 'comparators'", new { Other = new string('0', 64) });
        }

        await Warehouse().MigrateAsync(Ct);

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(64, shipped.Length);
            Assert.Equal(shipped, await connection.ExecuteScalarAsync<string>(comparators));
            Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM ref_import"));
        }
    }

    [Fact]
    public async Task LoadAsync_ReleasingWrittenRows_ReleasesTheBatchsRowsKeepingTheirCounts()
    {
        var batch = Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2)), Referral("R2", "P2", new(2019, 9, 3))])]);
        var seen = 0;
        var sut = new SqliteWarehouse(DatabasePath, data =>
        {
            seen = data.Referrals.Count;
            return [];
        }, Time)
        { ReleasesWrittenRows = true };

        var load = await sut.LoadAsync(batch, cancellationToken: Ct);

        var rows = batch.Datasets.Single().Rows;
        Assert.Equal(2, seen);
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, batch.Datasets.Single().RowsAccepted);
        Assert.Equal(2, load.Load.Datasets.Single(d => d.Counts.Dataset == ExtractContract.CinEpisodes.Name).Counts.RowsLoaded);
        var released = Assert.Throws<InvalidOperationException>(() => rows.Text(0, 0));
        Assert.Contains("read the batch again", released.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sut.LoadAsync(batch, LoadMode.Reload, Ct));
        Assert.Equal(2, (await sut.ReadCaseDataAsync("872", Ct)).Referrals.Count);
    }

    [Fact]
    public async Task LoadAsync_WithIndicatorValues_ShowsThemInThePowerBiView()
    {
        var quarter = Period.Quarter(2019, 2);
        var sut = Warehouse(data => [new IndicatorValue(data.LaCode, IndicatorCodes.CscReferrals, quarter, data.Referrals.Count, null, data.Referrals.Count)]);
        var load = await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]), cancellationToken: Ct);
        await using var connection = await OpenAsync();

        var row = await connection.QuerySingleAsync<(string, string, string, string, double, string, string, string)>(
            "SELECT la_name, label, unit, period_type, value, period_start, data_as_at, load_id FROM pbi_indicator_value");

        Assert.Equal(
            ("Wokingham", IndicatorCatalogue.Get(IndicatorCodes.CscReferrals).Label, "count", "quarter", 1.0, "2019-07-01", "2019-09-30", load.Load.LoadId),
            row);
    }

    [Fact]
    public async Task LoadAsync_ReloadOfALoadedBatch_ReplacesItsFiguresWithoutTheLoadIdIndexes()
    {
        var quarter = Period.Quarter(2019, 2);
        var sut = new SqliteWarehouse(
            DatabasePath,
            data => [new IndicatorValue(data.LaCode, IndicatorCodes.CscReferrals, quarter, data.Referrals.Count, null, data.Referrals.Count) { Reason = "why" }],
            Time,
            data => new TeamFigures(
                [new TeamIndicatorValue(data.LaCode, "MASH", IndicatorCodes.CscReferrals, quarter, data.Referrals.Count, null, data.Referrals.Count)],
                new WorkList(data.LaCode, September, [new WorkItem(WorkItemKind.Assessment, "A1", "MASH", null, "P1", September, September, 0)])));
        static ExtractBatch September1() => Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2))])]);
        var first = await sut.LoadAsync(September1(), cancellationToken: Ct);
        await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R0", "P0", new(2019, 8, 2))])]), cancellationToken: Ct);

        var replayed = await sut.LoadAsync(September1(), LoadMode.Reload, Ct);

        // The replay's figures replace its first attempt's (a second copy would break each table's primary key).
        Assert.Equal(2, replayed.Load.Attempts);
        await using var connection = await OpenAsync();
        const string counts = """
            SELECT (SELECT COUNT(*) FROM fact_indicator_value WHERE load_id = @LoadId), (SELECT COUNT(*) FROM fact_indicator_note WHERE load_id = @LoadId),
                   (SELECT COUNT(*) FROM fact_team_indicator_value WHERE load_id = @LoadId), (SELECT COUNT(*) FROM fact_work_item WHERE load_id = @LoadId),
                   (SELECT COUNT(*) FROM fact_indicator_value), (SELECT COUNT(*) FROM fact_team_indicator_value)
            """;
        Assert.Equal((1L, 1L, 1L, 1L, 2L, 2L), await connection.QuerySingleAsync<(long, long, long, long, long, long)>(counts, new { first.Load.LoadId }));
        var indexes = await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('fact_indicator_value', 'fact_team_indicator_value') AND sql IS NOT NULL");
        Assert.Empty(indexes);
    }

    [Fact]
    public async Task LoadAsync_TeamsInTheLasData_AreInTheTeamDimensionAndStayWhenSuperseded()
    {
        var sut = Warehouse();
        await sut.LoadAsync(Batch(August, [
            Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 8, 2), "Front Door"), Referral("R2", "P1", new(2019, 8, 3), null)]),
            Dataset(ExtractContract.CinAssessments, [["A1", "P1", "R1", new DateOnly(2019, 8, 4), null, "Assessment Team 1"]]),
            Dataset(ExtractContract.Involvements, [["I1", "P1", "W1", "SW", "Duty", new DateOnly(2019, 8, 5), null, null]]),
        ]), cancellationToken: Ct);
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R3", "P1", new(2019, 9, 2), "Front Door 2")])]), cancellationToken: Ct);
        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R4", "P2", new(2019, 9, 2), "Other LA team")])], laCode: "871"), cancellationToken: Ct);
        await using var connection = await OpenAsync();

        var teams = (await connection.QueryAsync<string>("SELECT team_name FROM dim_team WHERE la_code = '872' ORDER BY team_name")).ToList();

        Assert.Equal(["Assessment Team 1", "Duty", "Front Door", "Front Door 2"], teams);
    }

    [Fact]
    public async Task LoadAsync_RowsOutOfKeyOrderSnapshotsAndALateOlderBatch_IndicatorsSeeWhatReadingTheWarehouseGives()
    {
        LaCaseData? seen = null;
        var sut = Warehouse(data =>
        {
            seen = data;
            return [];
        });
        ExtractBatch[] batches =
        [
            Batch(August, [
                Dataset(ExtractContract.Person, [Person("P2", new DateOnly(2001, 7, 19)), Person("P1", null)]),
                Dataset(ExtractContract.CinEpisodes, [
                    Referral("R10", "P1", new(2019, 8, 2)), Referral("R\U0001F600", "P1", new(2019, 8, 3)), Referral("R2", "P2", new(2019, 8, 4), null),
                    Referral("R\uE000", "P1", new(2019, 8, 5)), Referral("R1", "P1", new(2019, 8, 6)), Referral("Ré", "P2", new(2019, 8, 7))]),
                Dataset(ExtractContract.Professionals, [
                    ["W2", false, 0.3333333333333333333m, true, new DateOnly(2018, 1, 2), null], ["W1", true, 0.8m, false, new DateOnly(2017, 3, 4), new DateOnly(2019, 8, 1)]]),
                Dataset(ExtractContract.CareLeavers, [CareLeaver("C2", "P1", "Yes"), CareLeaver("C1", "P2", "No")]),
            ]),
            Batch(September, [
                Dataset(ExtractContract.CinEpisodes, [Referral("R3", "P1", new(2019, 9, 2)), Referral("R03", "P2", new(2019, 9, 3))]),
                Dataset(ExtractContract.CareLeavers, [CareLeaver("C3", "P1", "Yes")]),
            ]),
            Batch(new DateOnly(2019, 7, 31), [
                Dataset(ExtractContract.CinEpisodes, [Referral("R9", "P1", new(2019, 7, 2))]),
                Dataset(ExtractContract.CareLeavers, [CareLeaver("C9", "P1", "No"), CareLeaver("C0", "P1", "Yes")]),
            ]),
        ];

        foreach (var batch in batches)
        {
            await sut.LoadAsync(batch, cancellationToken: Ct);

            Assert.Equal(JsonSerializer.Serialize(await sut.ReadCaseDataAsync("872", Ct)), JsonSerializer.Serialize(seen));
        }

        Assert.Equal(3, seen!.CareLeaverSnapshots.Count);
        Assert.Equal(["R03", "R3"], seen.Referrals.Select(r => r.ReferralId));
    }

    [Fact]
    public async Task LoadAsync_NewerBatchOfTheMiddleOfThreeLas_ReplacesThatLasRowsOnly()
    {
        var sut = Warehouse();
        foreach (var la in new[] { "871", "872", "873" })
        {
            await sut.LoadAsync(Batch(August, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", $"P{la}", new(2019, 8, 2))])], laCode: la), cancellationToken: Ct);
        }

        await sut.LoadAsync(Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R2", "P9", new(2019, 9, 2))])], laCode: "872"), cancellationToken: Ct);
        await using var connection = await OpenAsync();

        var rows = (await connection.QueryAsync<(string, string)>("SELECT la_code, person_key FROM fact_referral ORDER BY la_code")).ToList();

        Assert.Equal([("871", "P871"), ("872", "P9"), ("873", "P873")], rows);
    }

    /// <summary>Every day from FY 2000-01 to FY 2039-40 as <c>dim_date</c> should hold it, worked out day by day from the periods.</summary>
    private static List<string> ExpectedDays(WorkingDayCalendar calendar)
    {
        var days = new List<string>();
        for (var date = Period.FinancialYear(2000).Start; date <= Period.FinancialYear(2039).End; date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var working = calendar.IsWorkingDay(date);
            object[] row =
            [
                (long)((date.Year * 10000) + (date.Month * 100) + date.Day), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (long)date.Year,
                (long)date.Month, Period.MonthContaining(date).Code, date.DayOfWeek == DayOfWeek.Sunday ? 7L : (long)date.DayOfWeek,
                (long)Period.FinancialYearContaining(date).Start.Year, Period.FinancialYearContaining(date).Code, (long)Period.QuarterNumber(date),
                Period.QuarterContaining(date).Code, weekend ? 1L : 0L, !weekend && !working ? 1L : 0L, working ? 1L : 0L,
            ];
            days.Add(Describe(row));
        }

        return days;
    }

    /// <summary>Every row of <c>dim_date</c> in date order, each value with the type SQLite returns it as.</summary>
    private static async Task<List<string>> StoredDaysAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT date_key, calendar_date, calendar_year, month_number, month_code, day_of_week, financial_year_start,
                   financial_year_code, fy_quarter, fy_quarter_code, is_weekend, is_bank_holiday, is_working_day
            FROM dim_date ORDER BY date_key
            """;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var days = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            days.Add(Describe(row));
        }

        return days;
    }

    private static string Describe(object[] row) =>
        string.Join('|', row.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.GetType().Name}:{v}")));

    protected override IWarehouse CreateWarehouse(ComputeIndicators computeIndicators) => new SqliteWarehouse(DatabasePath, computeIndicators, Time);

    protected override async Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        await using var connection = await OpenAsync();
        return [.. await connection.QueryAsync<string>("SELECT name FROM pragma_table_info(@Table)", new { Table = table })];
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await connection.OpenAsync(Ct);
        return connection;
    }
}
