namespace PerfPipeline.Tests.Functions;

using System.Text.Json;

using PerfPipeline.Calendar;
using PerfPipeline.Functions;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Tests.TestSupport.Azurite;

[Collection(nameof(UsesAzurite))]
public sealed class HttpFunctionsTests(AzuriteFixture azurite)
{
    private const string Quarter = "2019-20 Q2";

    [Fact]
    public async Task GetDashboard_LoadedLaAndPeriod_ReturnsTheDashboardWithAnETag()
    {
        await using var app = await LoadedAppAsync();

        var answer = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(Quarter)}");

        Assert.Equal(200, answer.StatusCode);
        Assert.StartsWith("application/json", answer.ContentType, StringComparison.Ordinal);
        Assert.NotEmpty(answer.ETag);
        var body = answer.Json();
        Assert.Equal("872", body.GetProperty("la_code").GetString());
        Assert.Equal("Wokingham", body.GetProperty("la_name").GetString());
        Assert.Equal(Quarter, body.GetProperty("period").GetString());
        Assert.Equal("2018-19 Q2", body.GetProperty("compared_with").GetProperty("same_period_last_year").GetString());
        Assert.Equal("2019-09-30", body.GetProperty("data_as_at").GetString());
        Assert.Equal(
            IndicatorCatalogue.All.Select(d => d.Code),
            body.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray()).Select(m => m.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task GetDashboard_NoPeriod_ShowsTheLatestCompleteQuarter()
    {
        await using var app = await LoadedAppAsync();

        var answer = await GetDashboardAsync(app, "872");

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(Period.LatestCompleteQuarter(new DateOnly(2019, 9, 30)).Code, answer.Json().GetProperty("period").GetString());
    }

    [Fact]
    public async Task GetDashboard_IfNoneMatchWithTheCurrentETag_Returns304WithoutBody()
    {
        await using var app = await LoadedAppAsync();
        var first = await GetDashboardAsync(app, "872");

        var answer = await GetDashboardAsync(app, "872", ifNoneMatch: first.ETag);

        Assert.Equal(304, answer.StatusCode);
        Assert.Equal(first.ETag, answer.ETag);
        Assert.Empty(answer.Body);
    }

    [Fact]
    public async Task GetDashboard_ETagFromBeforeANewLoad_ReturnsTheNewDashboard()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await LoadAsync(app, b => b.Valid());
        var before = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(Quarter)}");
        await LoadAsync(app, b => b.Redelivered()); // a corrected extract of the same as_at: another load

        var answer = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(Quarter)}", ifNoneMatch: before.ETag);

        Assert.Equal(200, answer.StatusCode);
        Assert.NotEqual(before.ETag, answer.ETag);
    }

    [Fact]
    public async Task GetDashboard_TargetsAndComparatorsImported_NewETagAndTheWarehousesReferenceInTheBody()
    {
        await using var app = await LoadedAppAsync();
        var before = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(Quarter)}");
        Assert.Equal(JsonValueKind.Null, Measure(before, IndicatorCodes.CscReferrals).GetProperty("target").ValueKind);
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.File("reference"));
        Directory.CreateDirectory(folder.File("872", "reference"));
        await File.WriteAllTextAsync(
            folder.File("reference", "comparators.csv"),
            "indicator,geography,period,period_end,value,unit,source_note\nCSC_REFERRALS,England,2019-20 Q1,2019-06-30,543,count,a newer figure\n",
            TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            folder.File("872", "reference", "targets.csv"),
            "indicator,target,tolerance,source,from_date\nCSC_ASSESSMENTS_45WD_PCT,50,5,local,2019-04-01\n",
            TestContext.Current.CancellationToken);

        await new PerfPipeline.Reference.ReferenceImporter(app.Warehouse).ImportAsync(new PerfPipeline.Reference.LocalFolderReferenceSource(folder.Path), TestContext.Current.CancellationToken);
        var answer = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(Quarter)}", ifNoneMatch: before.ETag);

        Assert.Equal(200, answer.StatusCode);
        Assert.NotEqual(before.ETag, answer.ETag);
        var referrals = Measure(answer, IndicatorCodes.CscReferrals).GetProperty("national");
        Assert.Equal((543m, "England 2019-20 Q1"), (referrals.GetProperty("value").GetDecimal(), referrals.GetProperty("label").GetString()));
        var target = Measure(answer, IndicatorCodes.CscAssessments45WdPct).GetProperty("target");
        Assert.Equal((50m, "local"), (target.GetProperty("value").GetDecimal(), target.GetProperty("source").GetString()));
    }

    [Theory]
    [InlineData("2019-Q2")]
    [InlineData("Q2")]
    [InlineData("2019-13")]
    public async Task GetDashboard_MalformedPeriod_Returns400Problem(string period)
    {
        await using var app = await LoadedAppAsync();

        var answer = await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString(period)}");

        AssertProblem(answer, 400);
    }

    [Fact]
    public async Task GetDashboard_UnknownLa_Returns404Problem()
    {
        await using var app = await LoadedAppAsync();

        AssertProblem(await GetDashboardAsync(app, "999"), 404);
    }

    [Fact]
    public async Task GetDashboard_PeriodWithNoData_Returns404Problem()
    {
        await using var app = await LoadedAppAsync();

        AssertProblem(await GetDashboardAsync(app, "872", $"period={Uri.EscapeDataString("2030-31 Q1")}"), 404);
    }

    [Fact]
    public async Task GetIndicators_Always_ReturnsTheCatalogueInDashboardOrder()
    {
        var request = FunctionApp.Request("GET", "/api/indicators");

        var answer = await FunctionApp.ExecuteAsync(request, GetIndicators.Run(request));

        Assert.Equal(200, answer.StatusCode);
        var indicators = answer.Json().GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code), indicators.Select(i => i.GetProperty("code").GetString()));
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Label), indicators.Select(i => i.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task GetIndicatorSeries_QuarterType_ReturnsEveryQuarterOfTheIndicatorOldestFirst()
    {
        await using var app = await LoadedAppAsync();
        var code = IndicatorCatalogue.All[0].Code;
        var stored = (await app.Warehouse.ReadCurrentIndicatorValuesAsync("872", TestContext.Current.CancellationToken))
            .Where(v => v.IndicatorCode == code && v.Period.Type == PeriodType.Quarter)
            .OrderBy(v => v.Period.Start)
            .ToList();

        var answer = await GetSeriesAsync(app, code, "la=872&type=quarter");

        Assert.Equal(200, answer.StatusCode);
        Assert.NotEmpty(answer.ETag);
        var body = answer.Json();
        Assert.Equal(code, body.GetProperty("indicator").GetString());
        var values = body.GetProperty("values").EnumerateArray().ToList();
        Assert.NotEmpty(values);
        Assert.Equal(stored.Select(v => v.Period.Code), values.Select(v => v.GetProperty("period").GetString()));
        Assert.Equal(stored.Select(v => v.Value), values.Select(v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : v.GetProperty("value").GetDecimal()));
    }

    [Fact]
    public async Task GetIndicatorSeries_IfNoneMatchWithTheCurrentETag_Returns304()
    {
        await using var app = await LoadedAppAsync();
        var code = IndicatorCatalogue.All[0].Code;
        var first = await GetSeriesAsync(app, code, "la=872");

        var answer = await GetSeriesAsync(app, code, "la=872", first.ETag);

        Assert.Equal(304, answer.StatusCode);
        Assert.Empty(answer.Body);
    }

    [Theory]
    [InlineData("NO_SUCH_INDICATOR", "la=872", 404)]
    [InlineData(null, "la=999", 404)]
    [InlineData(null, "", 400)]
    [InlineData(null, "la=872&type=week", 400)]
    public async Task GetIndicatorSeries_BadRequest_ReturnsProblem(string? code, string query, int status)
    {
        await using var app = await LoadedAppAsync();

        var answer = await GetSeriesAsync(app, code ?? IndicatorCatalogue.All[0].Code, query);

        AssertProblem(answer, status);
    }

    [Fact]
    public async Task GetLoads_AfterALoad_ListsItWithItsCounts()
    {
        await using var app = await LoadedAppAsync();
        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));

        var answer = await GetLoadsAsync(app, null);

        Assert.Equal(200, answer.StatusCode);
        var listed = Assert.Single(answer.Json().GetProperty("loads").EnumerateArray());
        Assert.Equal(load.LoadId, listed.GetProperty("load_id").GetString());
        Assert.Equal("loaded", listed.GetProperty("status").GetString());
        Assert.Equal(
            load.Datasets.Sum(d => d.Counts.RowsLoaded),
            listed.GetProperty("datasets").EnumerateArray().Sum(d => d.GetProperty("rows_loaded").GetInt64()));
    }

    [Fact]
    public async Task GetLoads_StatusFailed_ListsOnlyFailedLoads()
    {
        await using var app = await LoadedAppAsync();

        var answer = await GetLoadsAsync(app, "status=failed");

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(answer.Json().GetProperty("loads").EnumerateArray());
    }

    [Fact]
    public async Task GetLoads_UnknownStatus_Returns400Problem()
    {
        await using var app = await LoadedAppAsync();

        AssertProblem(await GetLoadsAsync(app, "status=stuck"), 400);
    }

    [Theory]
    [InlineData("not-a-load", 400)]
    [InlineData("872-20190930-0000000000000000", 404)]
    public async Task ReplayLoad_UnknownOrMalformedLoadId_ReturnsProblem(string loadId, int status)
    {
        await using var app = await LoadedAppAsync();
        var request = FunctionApp.Request("POST", $"/api/loads/{loadId}/replay");

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, loadId, TestContext.Current.CancellationToken));

        AssertProblem(answer, status);
    }

    internal static void AssertProblem(HttpAnswer answer, int status)
    {
        Assert.Equal(status, answer.StatusCode);
        Assert.StartsWith("application/problem+json", answer.ContentType, StringComparison.Ordinal);
        var problem = answer.Json();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private static JsonElement Measure(HttpAnswer answer, string code) =>
        answer.Json().GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == code);

    private static async Task LoadAsync(FunctionApp app, Func<BatchBuilder, BatchBuilder> build)
    {
        var manifest = await app.DropAsync(build);
        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);
    }

    private async Task<FunctionApp> LoadedAppAsync()
    {
        var app = await FunctionApp.StartAsync(azurite);
        await LoadAsync(app, b => b.Valid());
        return app;
    }

    private static async Task<HttpAnswer> GetDashboardAsync(FunctionApp app, string la, string? query = null, string? ifNoneMatch = null)
    {
        var request = FunctionApp.Request("GET", $"/api/dashboard/{la}", query is null ? null : $"?{query}", ifNoneMatch);
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetDashboard>().Run(request, la, TestContext.Current.CancellationToken));
    }

    private static async Task<HttpAnswer> GetSeriesAsync(FunctionApp app, string code, string query, string? ifNoneMatch = null)
    {
        var request = FunctionApp.Request("GET", $"/api/indicators/{code}/series", query.Length == 0 ? null : $"?{query}", ifNoneMatch);
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetIndicatorSeries>().Run(request, code, TestContext.Current.CancellationToken));
    }

    private static async Task<HttpAnswer> GetLoadsAsync(FunctionApp app, string? query)
    {
        var request = FunctionApp.Request("GET", "/api/loads", query is null ? null : $"?{query}");
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetLoads>().Run(request, TestContext.Current.CancellationToken));
    }
}
