namespace PerfPipeline.Tests.Cli.Serve;

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

using PerfPipeline.Reporting;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// Commentary over the local server's <c>PUT</c>, on the seeds: it round-trips with <c>commentary import</c> and
/// <c>show</c>, reaches the served JSON, page and the report, never replaces a drafted sentence, and is held to the
/// same-origin JSON rules as the replay POST. Each test writes its own period or section of one served warehouse.
/// </summary>
public sealed class CommentaryRoutesTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private const string Quarter = "2019-20 Q2";

    private static readonly string QuarterQuery = $"?period={Uri.EscapeDataString(Quarter)}";

    private ServedWarehouse Served => seeds.Served;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Put_ImportShowPutShowReport_RoundTripsAndReachesTheDashboardAndTheReport()
    {
        Assert.Equal(0, (await CliAsync("commentary", "import", RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md"))).ExitCode);
        using var before = await Served.Client.GetAsync($"api/dashboard/872{QuarterQuery}", Ct);

        using var put = await PutAsync("api/commentary/872/4/action" + QuarterQuery, new { text = "Put over HTTP.\n\nA second paragraph.", author = "B. Officer", status = "approved" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using (var stored = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Ct)))
        {
            Assert.Equal(("action", "B. Officer", "approved"), (Text(stored.RootElement, "section"), Text(stored.RootElement, "author"), Text(stored.RootElement, "status")));
        }

        // show prints what the PUT stored beside what the file imported, and the file imports again to the same.
        var (_, shown) = await CliAsync("commentary", "show", "--period", Quarter);
        var parsed = CommentaryMarkdown.Parse(shown);
        var fromFile = CommentaryMarkdown.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("seeds", "commentary", "872-2019-20-Q2.md"), Ct));
        var action = Assert.Single(parsed.Sections, s => s.Item == 4 && s.Section == ReportSection.Action);
        Assert.Equal(("Put over HTTP.\n\nA second paragraph.", "B. Officer", CommentaryStatus.Approved), (action.Text, action.Author, action.Status));
        Assert.All(fromFile.Sections.Where(s => !(s.Item == 4 && s.Section == ReportSection.Action)), s => Assert.Contains(s, parsed.Sections));

        // GET lists it; the dashboard JSON changed its validator and carries it beside the drafted sentences.
        using var listed = JsonDocument.Parse(await Served.Client.GetStringAsync("api/commentary/872" + QuarterQuery, Ct));
        Assert.Contains(listed.RootElement.GetProperty("sections").EnumerateArray(), s => s.GetProperty("item").GetInt32() == 4 && Text(s, "text") == "Put over HTTP.\n\nA second paragraph.");
        using var after = await Served.Client.GetAsync($"api/dashboard/872{QuarterQuery}", Ct);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        using var dashboard = JsonDocument.Parse(await after.Content.ReadAsStringAsync(Ct));
        var item4 = dashboard.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetInt32() == 4).GetProperty("narrative");
        Assert.NotEmpty(item4.GetProperty("what_it_shows").EnumerateArray());
        Assert.Contains(item4.GetProperty("written").EnumerateArray(), w => Text(w, "section") == "action" && Text(w, "text") == "Put over HTTP.\n\nA second paragraph.");

        // The served page and the report show it.
        var page = await Served.Client.GetStringAsync("/" + QuarterQuery + "&la=872", Ct);
        Assert.Contains("<p>Put over HTTP.</p><p>A second paragraph.</p>", page, StringComparison.Ordinal);
        using var folder = new TempDirectory();
        var report = folder.File("report.html");
        Assert.Equal(0, (await CliAsync("report", "--period", Quarter, "--format", "html", "--out", report)).ExitCode);
        Assert.Contains("<p>Put over HTTP.</p><p>A second paragraph.</p>", await File.ReadAllTextAsync(report, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_UnderWhatItShows_SitsBesideTheDraftedSentencesAndReplacesNone()
    {
        const string period = "2019-20 Q1";
        var query = $"?period={Uri.EscapeDataString(period)}";
        var drafted = DraftedSentences(await Served.Client.GetStringAsync($"api/dashboard/872{query}", Ct), 3);

        using var put = await PutAsync($"api/commentary/872/3/what_it_shows{query}", new { text = "Officers read these figures so.", author = "C. Officer" });
        using var again = await PutAsync($"api/commentary/872/3/what_it_shows{query}", new { text = "Officers read them so, on reflection.", author = "C. Officer" });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var json = await Served.Client.GetStringAsync($"api/dashboard/872{query}", Ct);
        Assert.NotEmpty(drafted);
        Assert.Equal(drafted, DraftedSentences(json, 3));
        using var dashboard = JsonDocument.Parse(json);
        var written = dashboard.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetInt32() == 3).GetProperty("narrative").GetProperty("written");
        var text = Assert.Single(written.EnumerateArray());
        Assert.Equal(("what_it_shows", "Officers read them so, on reflection.", "draft"), (Text(text, "section"), Text(text, "text"), Text(text, "status")));
    }

    [Theory]
    [InlineData("api/commentary/872/3/background", "{\"text\":\"x\",\"author\":\"A\"}", 400)] // no period
    [InlineData("api/commentary/872/9/background?period=2019-20%20Q2", "{\"text\":\"x\",\"author\":\"A\"}", 400)]
    [InlineData("api/commentary/872/3/summary?period=2019-20%20Q2", "{\"text\":\"x\",\"author\":\"A\"}", 400)]
    [InlineData("api/commentary/872/3/background?period=2019-20%20Q2", "{\"text\":\"  \",\"author\":\"A\"}", 400)]
    [InlineData("api/commentary/872/3/background?period=2019-20%20Q2", "{\"text\":\"x\"}", 400)] // no author on loopback
    [InlineData("api/commentary/872/3/background?period=2019-20%20Q2", "{\"text\":\"x\",\"author\":\"A\",\"status\":\"final\"}", 400)]
    [InlineData("api/commentary/872/3/background?period=2019-20%20Q2", "not json", 400)]
    [InlineData("api/commentary/999/3/background?period=2019-20%20Q2", "{\"text\":\"x\",\"author\":\"A\"}", 404)]
    public async Task Put_BadRequest_IsAProblemAndSavesNothing(string route, string body, int status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, route) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(status, (int)sut.StatusCode);
        Assert.Equal("application/problem+json", sut.Content.Headers.ContentType!.MediaType);
        var (_, shown) = await CliAsync("commentary", "show", "--period", "2019-20 Q2");
        Assert.DoesNotContain(CommentaryMarkdown.Parse(shown).Sections, s => s.Text == "x");
    }

    [Fact]
    public async Task Put_TooLarge_Is413()
    {
        var text = new string('x', 70 * 1024);

        using var sut = await PutAsync("api/commentary/872/3/background" + QuarterQuery, new { text, author = "A" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sut.StatusCode);
    }

    [Fact]
    public async Task Put_PlainTextFromAnotherSite_Is415AndSavesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/commentary/872/5/background?period=2018-19%20Q4")
        {
            Content = new StringContent("{\"text\":\"cross-site\",\"author\":\"evil\"}", Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(415, (int)sut.StatusCode);
        Assert.DoesNotContain("cross-site", (await CliAsync("commentary", "show", "--period", "2018-19 Q4")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_JsonFromAnotherOrigin_Is403AndSavesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/commentary/872/5/background?period=2018-19%20Q3")
        {
            Content = new StringContent("{\"text\":\"cross-origin\",\"author\":\"evil\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, sut.StatusCode);
        Assert.DoesNotContain("cross-origin", (await CliAsync("commentary", "show", "--period", "2018-19 Q3")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_JsonFromTheServersOwnOrigin_IsAccepted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "api/commentary/872/6/action?period=2018-19%20Q2")
        {
            Content = new StringContent("{\"text\":\"same origin\",\"author\":\"D. Officer\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Served.Address.GetLeftPart(UriPartial.Authority));

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Contains("same origin", (await CliAsync("commentary", "show", "--period", "2018-19 Q2")).Output, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> PutAsync(string route, object body)
    {
        var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Served.Client.PutAsync(route, content, Ct);
    }

    private Task<(int ExitCode, string Output)> CliAsync(params string[] args) =>
        CliInvocation.InvokeAsync([.. args, "--db", Served.DatabasePath], Path.GetDirectoryName(Served.DatabasePath)!, TimeProvider.System);

    private static List<string> DraftedSentences(string json, int item)
    {
        using var dashboard = JsonDocument.Parse(json);
        return [.. dashboard.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetInt32() == item)
            .GetProperty("narrative").GetProperty("what_it_shows").EnumerateArray().Select(s => Text(s, "text"))];
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
