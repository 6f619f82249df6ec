namespace PerfPipeline.Tests.Cli.Serve;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

/// <summary><c>team=</c> on the dashboard route and <c>/api/worklist/{la}</c>, served over Kestrel from the seeds.</summary>
public sealed class TeamRoutesTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetWorkList_Team_ServesOnlyThatTeamsItemsAsAtTheNewestBatch_AndRevalidates()
    {
        using var all = await seeds.Served.Client.GetAsync("api/worklist/872", Ct);
        using var team = await seeds.Served.Client.GetAsync("api/worklist/872?team=Children%20in%20Care", Ct);

        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        using var allBody = JsonDocument.Parse(await all.Content.ReadAsStringAsync(Ct));
        using var teamBody = JsonDocument.Parse(await team.Content.ReadAsStringAsync(Ct));
        Assert.Equal("2019-09-30", teamBody.RootElement.GetProperty("as_at").GetString());
        var items = teamBody.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("Children in Care", i.GetProperty("team").GetString()));
        Assert.True(items.Count < allBody.RootElement.GetProperty("items").GetArrayLength());
        Assert.All(items, i => Assert.Matches("^[0-9a-f]{32}$", i.GetProperty("child_pseudonym").GetString()!));
        Assert.NotEqual(all.Headers.ETag, team.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, "api/worklist/872?team=Children%20in%20Care");
        again.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(team.Headers.ETag!.ToString()));
        using var notModified = await seeds.Served.Client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task GetDashboard_Team_ServesThatTeamsDashboard_AnUnknownTeamIs404()
    {
        using var team = await seeds.Served.Client.GetAsync("api/dashboard/872?team=MASH", Ct);
        using var unknown = await seeds.Served.Client.GetAsync("api/dashboard/872?team=Nobody", Ct);
        using var noLa = await seeds.Served.Client.GetAsync("api/worklist/999", Ct);

        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        using var body = JsonDocument.Parse(await team.Content.ReadAsStringAsync(Ct));
        Assert.Equal("MASH", body.RootElement.GetProperty("team").GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noLa.StatusCode);
    }
}
