namespace PerfPipeline.Tests.Cli.Serve;

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

using PerfPipeline.Tests.TestSupport;

/// <summary><c>serve</c> on small warehouses of its own: what a new load changes, and pickers over several LAs.</summary>
public sealed class DashboardServerLoadTests
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";
    private const string Quarter = "2019-20%20Q2";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetDashboard_AfterALoadByAnotherProcess_ServesTheNewFiguresAtOnce()
    {
        await using var served = await ServedWarehouse.StartAsync(writeExtracts: folder => new BatchBuilder(folder)
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\nR2,1002,2019-08-12\n")
            .Build());
        using var before = await served.Client.GetAsync($"api/dashboard/872?period={Quarter}", Ct);
        var pageBefore = await served.Client.GetStringAsync($"/?la=872&period={Quarter}", Ct);

        // A newer batch with a third referral, loaded by another pipeline on the same file (as `perfpipeline run` would).
        new BatchBuilder(served.Extracts, "872", "2019-10-31")
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\nR2,1002,2019-08-12\nR3,1003,2019-09-05\n")
            .Build();
        var other = await ServedWarehouse.OpenAsync(served.Context, served.Extracts, served.DatabasePath);
        await other.Loader.LoadNewBatchesAsync(cancellationToken: Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/dashboard/872?period={Quarter}");
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);

        using var sut = await served.Client.SendAsync(request, Ct);
        var pageAfter = await served.Client.GetStringAsync($"/?la=872&period={Quarter}", Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.NotEqual(before.Headers.ETag, sut.Headers.ETag);
        Assert.Equal("2", await ReferralsAsync(before));
        Assert.Equal("3", await ReferralsAsync(sut));
        Assert.Contains("data as at 2019-09-30", pageBefore, StringComparison.Ordinal);
        Assert.Contains("data as at 2019-10-31", pageAfter, StringComparison.Ordinal);
        Assert.Contains("<td data-column=\"current\">2</td>", ReferralsRow(pageBefore), StringComparison.Ordinal);
        Assert.Contains("<td data-column=\"current\">3</td>", ReferralsRow(pageAfter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDashboard_OlderBatchLoadedLate_StillDefaultsToTheNewestDatasPeriod()
    {
        await using var served = await ServedWarehouse.StartAsync(writeExtracts: folder => new BatchBuilder(folder)
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\n")
            .Build());

        // A batch as at the end of Q1, delivered after the Q2 one: the latest load, not the newest data.
        new BatchBuilder(served.Extracts, "872", "2019-06-30").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-05-03\n").Build();
        var other = await ServedWarehouse.OpenAsync(served.Context, served.Extracts, served.DatabasePath);
        await other.Loader.LoadNewBatchesAsync(cancellationToken: Ct);

        using var sut = await served.Client.GetAsync("api/dashboard/872", Ct);
        using var body = JsonDocument.Parse(await sut.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal("2019-20 Q2", body.RootElement.GetProperty("period").GetString());
        Assert.Equal("2019-09-30", body.RootElement.GetProperty("data_as_at").GetString());
    }

    [Fact]
    public async Task GetPage_TwoLas_PicksEitherAndListsOnlyThePeriodsOfTheLaShown()
    {
        await using var served = await ServedWarehouse.StartAsync(writeExtracts: folder =>
        {
            new BatchBuilder(folder).WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\n").Build();
            new BatchBuilder(folder, "873", "2019-06-30").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nS1,2001,2019-05-03\n").Build();
        });

        var newest = await served.Client.GetStringAsync("/", Ct);
        var older = await served.Client.GetStringAsync("/?la=873", Ct);

        Assert.Equal([("872", "Wokingham (872)", true), ("873", "Wokingham (873)", false)], DashboardServerTests.Options(newest, "pick-la"));
        Assert.Equal([("872", "Wokingham (872)", false), ("873", "Wokingham (873)", true)], DashboardServerTests.Options(older, "pick-la"));
        Assert.Equal("2019-20 Q2", DashboardServerTests.Options(newest, "pick-period").Single(o => o.Selected).Value);
        var olderPeriods = DashboardServerTests.Options(older, "pick-period");
        Assert.Equal("2019-20 Q1", olderPeriods.Single(o => o.Selected).Value);
        Assert.DoesNotContain(olderPeriods, o => o.Value == "2019-20 Q2");
    }

    private static string ReferralsRow(string page) =>
        Regex.Match(page, "<tr data-code=\"CSC_REFERRALS\">.*?</tr>", RegexOptions.Singleline).Value;

    private static async Task<string?> ReferralsAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == "CSC_REFERRALS").GetProperty("current").GetProperty("display").GetString();
    }
}
