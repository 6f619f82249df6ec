namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Functions;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Tests.TestSupport.Azurite;

/// <summary>
/// The HTTP API behind Entra ID: the caller arrives as App Service authentication presents it (the X-MS-CLIENT-PRINCIPAL
/// header) and sees only the LAs mapped to them in security_la_user, the mapping the Power BI role uses; replay needs the
/// PerfPipeline.Replay app role. The platform's own 401 for a missing token is configuration (authsettingsV2, checked
/// in the compiled Bicep); the app answers 401 itself too when the header is missing.
/// </summary>
[Collection(nameof(UsesAzurite))]
public sealed class HttpAuthorizationTests(AzuriteFixture azurite)
{
    private const string Outsider = "someone@other-council.example";

    [Fact]
    public async Task GetDashboard_CallerMappedToTheLa_Returns200()
    {
        await using var app = await LoadedAppAsync();

        var answer = await DashboardAsync(app, "872", FunctionApp.PrincipalHeader("Analyst@Council.Example"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("872", answer.Json().GetProperty("la_code").GetString());
    }

    [Fact]
    public async Task GetDashboard_CallerNotMappedToTheLa_Returns403AndNoData()
    {
        await using var app = await LoadedAppAsync();

        var answer = await DashboardAsync(app, "872", FunctionApp.PrincipalHeader(Outsider));

        HttpFunctionsTests.AssertProblem(answer, 403);
        Assert.DoesNotContain("Wokingham", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDashboard_ApplicationCallerWithoutAUser_Returns403()
    {
        await using var app = await LoadedAppAsync();

        var answer = await DashboardAsync(app, "872", FunctionApp.PrincipalHeader(null, "PerfPipeline.Replay"));

        HttpFunctionsTests.AssertProblem(answer, 403);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")]
    public async Task GetDashboard_NoOrUnreadablePrincipal_Returns401(string principal)
    {
        await using var app = await LoadedAppAsync();

        var answer = await DashboardAsync(app, "872", principal.Length == 0 ? FunctionApp.Anonymous : principal);

        HttpFunctionsTests.AssertProblem(answer, 401);
    }

    [Fact]
    public async Task GetIndicatorSeries_CallerNotMappedToTheLa_Returns403()
    {
        await using var app = await LoadedAppAsync();
        var request = FunctionApp.Request("GET", "/api/indicators/CSC_REFERRALS/series", "?la=872&type=quarter", principal: FunctionApp.PrincipalHeader(Outsider));

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<GetIndicatorSeries>().Run(request, "CSC_REFERRALS", TestContext.Current.CancellationToken));

        HttpFunctionsTests.AssertProblem(answer, 403);
    }

    [Fact]
    public async Task GetLoads_Caller_SeesOnlyTheLoadsOfTheirLas()
    {
        await using var app = await LoadedAppAsync();

        var mine = await LoadsAsync(app, FunctionApp.PrincipalHeader(FunctionApp.Analyst));
        var theirs = await LoadsAsync(app, FunctionApp.PrincipalHeader(Outsider));

        Assert.Equal(200, mine.StatusCode);
        Assert.Single(mine.Json().GetProperty("loads").EnumerateArray());
        Assert.Equal(200, theirs.StatusCode);
        Assert.Empty(theirs.Json().GetProperty("loads").EnumerateArray());
    }

    [Fact]
    public async Task ReplayLoad_CallerWithoutTheReplayRole_Returns403AndReplaysNothing()
    {
        await using var app = await LoadedAppAsync();
        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        var request = FunctionApp.Request("POST", $"/api/loads/{load.LoadId}/replay", principal: FunctionApp.PrincipalHeader(FunctionApp.Analyst));

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, load.LoadId, TestContext.Current.CancellationToken));

        HttpFunctionsTests.AssertProblem(answer, 403);
        Assert.Contains("PerfPipeline.Replay", answer.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(load.Attempts, (await app.Warehouse.FindLoadAsync(load.LoadId, TestContext.Current.CancellationToken))!.Attempts);
    }

    [Fact]
    public async Task ReplayLoad_CallerWithTheReplayRole_Replays()
    {
        await using var app = await LoadedAppAsync();
        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        var request = FunctionApp.Request("POST", $"/api/loads/{load.LoadId}/replay", principal: FunctionApp.PrincipalHeader(FunctionApp.Analyst, "PerfPipeline.Replay"));

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, load.LoadId, TestContext.Current.CancellationToken));

        Assert.Equal(200, answer.StatusCode);
    }

    [Fact]
    public async Task GetIndicators_Anonymous_Returns401()
    {
        await using var app = await LoadedAppAsync();
        var request = FunctionApp.Request("GET", "/api/indicators", principal: FunctionApp.Anonymous);

        var answer = await FunctionApp.ExecuteAsync(request, GetIndicators.Run(request));

        HttpFunctionsTests.AssertProblem(answer, 401);
    }

    private async Task<FunctionApp> LoadedAppAsync()
    {
        var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());
        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<HttpAnswer> DashboardAsync(FunctionApp app, string la, string principal)
    {
        var request = FunctionApp.Request("GET", $"/api/dashboard/{la}", principal: principal);
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetDashboard>().Run(request, la, TestContext.Current.CancellationToken));
    }

    private static async Task<HttpAnswer> LoadsAsync(FunctionApp app, string principal)
    {
        var request = FunctionApp.Request("GET", "/api/loads", principal: principal);
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetLoads>().Run(request, TestContext.Current.CancellationToken));
    }
}
