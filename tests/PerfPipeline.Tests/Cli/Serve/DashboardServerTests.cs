namespace PerfPipeline.Tests.Cli.Serve;

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

using PerfPipeline.Api;
using PerfPipeline.Calendar;
using PerfPipeline.Cli.Serve;
using PerfPipeline.Dashboard;

/// <summary>The routes of <c>serve</c> over a real Kestrel on 127.0.0.1, on a SQLite warehouse loaded from the seeds.</summary>
public sealed partial class DashboardServerTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private const string Quarter = "2019-20 Q2";

    private ServedWarehouse Served => seeds.Served;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetDashboard_Seeds_ServesTheApisBodyAndValidator()
    {
        var expected = await Served.NewApi().GetDashboardAsync("872", Quarter, null, Ct);

        using var sut = await Served.Client.GetAsync($"api/dashboard/872?period={Uri.EscapeDataString(Quarter)}", Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal(ApiResponse.JsonContentType, sut.Content.Headers.ContentType!.ToString());
        Assert.Equal(expected.ETag, sut.Headers.ETag!.ToString());
        Assert.True(sut.Headers.CacheControl!.NoCache);
        Assert.Equal(expected.Body.ToArray(), await sut.Content.ReadAsByteArrayAsync(Ct));
        using var body = JsonDocument.Parse(await sut.Content.ReadAsStringAsync(Ct));
        Assert.Equal(("872", "Wokingham", Quarter), (Text(body.RootElement, "la_code"), Text(body.RootElement, "la_name"), Text(body.RootElement, "period")));
    }

    [Fact]
    public async Task GetDashboard_IfNoneMatchWithTheServedETag_Returns304WithoutBody()
    {
        using var first = await Served.Client.GetAsync("api/dashboard/872", Ct);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/dashboard/872");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotModified, sut.StatusCode);
        Assert.Equal(first.Headers.ETag, sut.Headers.ETag);
        Assert.Empty(await sut.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("api/indicators")]
    [InlineData("api/indicators/CSC_REFERRALS/series?la=872&type=quarter")]
    [InlineData("api/indicators/CSC_REFERRALS/series?la=872")]
    [InlineData("api/loads")]
    [InlineData("api/loads?status=loaded")]
    public async Task Get_ApiRoute_ServesWhatTheApiAnswers(string route)
    {
        var api = Served.NewApi();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(Served.Address, route).Query);
        var expected = route switch
        {
            "api/indicators" => PerfPipelineApi.GetIndicators(),
            _ when route.StartsWith("api/loads", StringComparison.Ordinal) => await api.GetLoadsAsync(query["status"], Ct),
            _ => await api.GetIndicatorSeriesAsync("CSC_REFERRALS", query["la"], query["type"], null, Ct),
        };

        using var sut = await Served.Client.GetAsync(route, Ct);

        Assert.Equal(expected.StatusCode, (int)sut.StatusCode);
        Assert.Equal(expected.ContentType, sut.Content.Headers.ContentType!.ToString());
        Assert.Equal(expected.ETag, sut.Headers.ETag?.ToString());
        Assert.Equal(expected.Body.ToArray(), await sut.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("GET", "api/dashboard/872?period=2019-Q2", 400)]
    [InlineData("GET", "api/dashboard/999", 404)]
    [InlineData("GET", "api/dashboard/872?period=2030-31%20Q1", 404)]
    [InlineData("GET", "api/indicators/NOT_A_MEASURE/series?la=872", 404)]
    [InlineData("GET", "api/indicators/CSC_REFERRALS/series", 400)]
    [InlineData("GET", "api/loads?status=lost", 400)]
    [InlineData("POST", "api/loads/not-a-load/replay", 400)]
    [InlineData("POST", "api/loads/872-20190930-0000000000000000/replay", 404)]
    [InlineData("GET", "api/nothing-here", 404)]
    [InlineData("DELETE", "api/loads", 404)]
    public async Task Send_BadOrUnknownRequest_AnswersAProblem(string method, string route, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), route);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var sut = await Served.Client.SendAsync(request, Ct);

        Assert.Equal(status, (int)sut.StatusCode);
        Assert.Equal(ApiResponse.ProblemContentType, sut.Content.Headers.ContentType!.ToString());
        using var problem = JsonDocument.Parse(await sut.Content.ReadAsStringAsync(Ct));
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(Text(problem.RootElement, "detail")));
    }

    [Fact]
    public async Task GetPage_NoChoice_ShowsTheLatestCompleteQuarterWithPickersOfWhatTheWarehouseHolds()
    {
        var values = await Served.Pipeline.Warehouse.ReadCurrentIndicatorValuesAsync("872", Ct);
        var withFigures = values.Where(v => v.Value is not null).Select(v => v.Period).Distinct().ToList();

        using var sut = await Served.Client.GetAsync("/", Ct);
        var page = await sut.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal(ApiResponse.HtmlContentType, sut.Content.Headers.ContentType!.ToString());
        Assert.Contains($"<strong id=\"period\">{Quarter}</strong>", page, StringComparison.Ordinal);
        Assert.Equal([("872", "Wokingham (872)", true)], Options(page, "pick-la"));
        var periods = Options(page, "pick-period");
        Assert.Equal(
            [.. withFigures.Where(p => p.Type == PeriodType.Quarter).OrderByDescending(p => p.Start).Select(p => p.Code),
             .. withFigures.Where(p => p.Type == PeriodType.FinancialYear).OrderByDescending(p => p.Start).Select(p => p.Code)],
            periods.Select(o => o.Value));
        Assert.Equal(Quarter, periods.Single(o => o.Selected).Value);
        Assert.Contains("<label for=\"pick-period\">", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">", page, StringComparison.Ordinal);
        Assert.Contains($"<script src=\"{ServeRoutes.ChartLibraryPath}\"></script>", page, StringComparison.Ordinal);
        Assert.True(page.Length < DashboardPage.ChartLibraryUtf8.Length, "the chart library is linked, not inlined");
    }

    [Fact]
    public async Task GetPage_LaAndPeriod_ShowsThatPeriodsTableAsTheJsonHasIt()
    {
        using var json = JsonDocument.Parse((await Served.NewApi().GetDashboardAsync("872", "2019-20 Q1", null, Ct)).Body.ToArray());
        var referrals = json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => Text(m, "code") == "CSC_REFERRALS");

        var page = await Served.Client.GetStringAsync($"/?la=872&period={Uri.EscapeDataString("2019-20 Q1")}", Ct);

        Assert.Contains("<strong id=\"period\">2019-20 Q1</strong>", page, StringComparison.Ordinal);
        Assert.Equal("2019-20 Q1", Options(page, "pick-period").Single(o => o.Selected).Value);
        Assert.Contains(
            $"<tr data-code=\"CSC_REFERRALS\"><th scope=\"row\">No. of referrals to CSC</th><td data-column=\"previous_year\">{Text(referrals.GetProperty("previous_year"), "display")}</td>"
            + $"<td data-column=\"same_period_last_year\">{Text(referrals.GetProperty("same_period_last_year"), "display")}</td>"
            + $"<td data-column=\"current\">{Text(referrals.GetProperty("current"), "display")}</td>",
            page,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?la=999", 404, "Unknown local authority")]
    [InlineData("/?la=872&period=2030-31%20Q1", 404, "No figures for that period")]
    [InlineData("/?period=Q7", 400, "Not a period")]
    public async Task GetPage_UnknownLaOrPeriod_AnswersAReadablePage(string route, int status, string heading)
    {
        using var sut = await Served.Client.GetAsync(route, Ct);
        var page = await sut.Content.ReadAsStringAsync(Ct);

        Assert.Equal(status, (int)sut.StatusCode);
        Assert.Equal(ApiResponse.HtmlContentType, sut.Content.Headers.ContentType!.ToString());
        Assert.Contains($"<h1>{heading}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetChartLibrary_ServesTheVendoredScriptForGood()
    {
        using var sut = await Served.Client.GetAsync(ServeRoutes.ChartLibraryPath, Ct);

        Assert.Equal(HttpStatusCode.OK, sut.StatusCode);
        Assert.Equal("text/javascript; charset=utf-8", sut.Content.Headers.ContentType!.ToString());
        Assert.Equal(CacheControlHeaderValue.Parse("public, max-age=31536000, immutable"), sut.Headers.CacheControl);
        Assert.Equal(DashboardPage.ChartLibraryUtf8.ToArray(), await sut.Content.ReadAsByteArrayAsync(Ct));
    }

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    /// <summary>The options of a select: value, label and whether selected.</summary>
    internal static IReadOnlyList<(string Value, string Label, bool Selected)> Options(string page, string selectId)
    {
        var select = Regex.Match(page, $"<select id=\"{selectId}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select {selectId}");
        return [.. OptionPattern().Matches(select.Groups[1].Value).Select(m => (
            System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value), System.Net.WebUtility.HtmlDecode(m.Groups["label"].Value), m.Groups["selected"].Success))];
    }

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\"(?<selected> selected)?>(?<label>[^<]*)</option>")]
    private static partial Regex OptionPattern();
}
