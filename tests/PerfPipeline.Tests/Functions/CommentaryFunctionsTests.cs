namespace PerfPipeline.Tests.Functions;

using System.Text;

using PerfPipeline.Functions;
using PerfPipeline.Tests.TestSupport.Azurite;

/// <summary>
/// Commentary in the cloud API, behind Entra ID as App Service authentication presents the caller: writing needs the
/// PerfPipeline.Commentary app role and a mapping to the LA, the author recorded is the signed-in user whatever the body
/// says, and the text reaches the LA's dashboard JSON beside the drafted sentences.
/// </summary>
[Collection(nameof(UsesAzurite))]
public sealed class CommentaryFunctionsTests(AzuriteFixture azurite)
{
    private const string Query = "?period=2019-20%20Q2";
    private const string Body = "{\"text\":\"Written in the cloud.\",\"author\":\"Someone Else\",\"status\":\"approved\"}";

    [Fact]
    public async Task PutCommentary_MappedCallerWithTheRole_SavesItWithTheSignedInAuthorAndTheDashboardCarriesIt()
    {
        await using var app = await LoadedAppAsync();

        var put = await PutAsync(app, "872", "3", "background", FunctionApp.PrincipalHeader(FunctionApp.Analyst, "PerfPipeline.Commentary"));
        var listed = await GetAsync(app, "872", FunctionApp.PrincipalHeader(FunctionApp.Analyst));
        var dashboardRequest = FunctionApp.Request("GET", "/api/dashboard/872", Query, principal: FunctionApp.PrincipalHeader(FunctionApp.Analyst));
        var dashboard = await FunctionApp.ExecuteAsync(dashboardRequest, await app.Function<GetDashboard>().Run(dashboardRequest, "872", TestContext.Current.CancellationToken));

        Assert.Equal(200, put.StatusCode);
        Assert.Equal((FunctionApp.Analyst, "approved"), (put.Json().GetProperty("author").GetString(), put.Json().GetProperty("status").GetString()));
        var section = Assert.Single(listed.Json().GetProperty("sections").EnumerateArray());
        Assert.Equal(("background", "Written in the cloud.", FunctionApp.Analyst), (section.GetProperty("section").GetString(), section.GetProperty("text").GetString(), section.GetProperty("author").GetString()));
        var item = dashboard.Json().GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetInt32() == 3).GetProperty("narrative");
        Assert.NotEmpty(item.GetProperty("what_it_shows").EnumerateArray());
        Assert.Equal("Written in the cloud.", Assert.Single(item.GetProperty("written").EnumerateArray()).GetProperty("text").GetString());
    }

    [Fact]
    public async Task PutCommentary_MappedCallerWithoutTheRole_Returns403AndSavesNothing()
    {
        await using var app = await LoadedAppAsync();

        var answer = await PutAsync(app, "872", "3", "background", FunctionApp.PrincipalHeader(FunctionApp.Analyst, "PerfPipeline.Replay"));

        HttpFunctionsTests.AssertProblem(answer, 403);
        Assert.Contains("PerfPipeline.Commentary", answer.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountRowsAsync("report_commentary"));
    }

    [Fact]
    public async Task PutCommentary_CallerWithTheRoleNotMappedToTheLa_Returns403AndSavesNothing()
    {
        await using var app = await LoadedAppAsync();

        var answer = await PutAsync(app, "872", "3", "background", FunctionApp.PrincipalHeader("someone@other-council.example", "PerfPipeline.Commentary"));

        HttpFunctionsTests.AssertProblem(answer, 403);
        Assert.Equal(0, await app.CountRowsAsync("report_commentary"));
    }

    [Fact]
    public async Task PutCommentary_ApplicationWithTheRole_Returns403()
    {
        await using var app = await LoadedAppAsync();

        var answer = await PutAsync(app, "872", "3", "background", FunctionApp.PrincipalHeader(null, "PerfPipeline.Commentary"));

        HttpFunctionsTests.AssertProblem(answer, 403);
        Assert.Equal(0, await app.CountRowsAsync("report_commentary"));
    }

    [Fact]
    public async Task PutCommentary_Anonymous_Returns401()
    {
        await using var app = await LoadedAppAsync();

        HttpFunctionsTests.AssertProblem(await PutAsync(app, "872", "3", "background", FunctionApp.Anonymous), 401);
    }

    [Fact]
    public async Task PutCommentary_UnknownSection_Returns400()
    {
        await using var app = await LoadedAppAsync();

        HttpFunctionsTests.AssertProblem(await PutAsync(app, "872", "3", "summary", FunctionApp.PrincipalHeader(FunctionApp.Analyst, "PerfPipeline.Commentary")), 400);
    }

    [Fact]
    public async Task GetCommentary_CallerNotMappedToTheLa_Returns403()
    {
        await using var app = await LoadedAppAsync();

        HttpFunctionsTests.AssertProblem(await GetAsync(app, "872", FunctionApp.PrincipalHeader("someone@other-council.example")), 403);
    }

    private async Task<FunctionApp> LoadedAppAsync()
    {
        var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());
        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);
        return app;
    }

    private static async Task<HttpAnswer> PutAsync(FunctionApp app, string la, string item, string section, string principal)
    {
        var request = FunctionApp.Request("PUT", $"/api/commentary/{la}/{item}/{section}", Query, principal: principal);
        request.ContentType = "application/json";
        request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Body));
        return await FunctionApp.ExecuteAsync(request, await app.Function<PutCommentary>().Run(request, la, item, section, TestContext.Current.CancellationToken));
    }

    private static async Task<HttpAnswer> GetAsync(FunctionApp app, string la, string principal)
    {
        var request = FunctionApp.Request("GET", $"/api/commentary/{la}", Query, principal: principal);
        return await FunctionApp.ExecuteAsync(request, await app.Function<GetCommentary>().Run(request, la, TestContext.Current.CancellationToken));
    }
}
