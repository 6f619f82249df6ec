namespace PerfPipeline.Tests.Dashboard;

using System.Globalization;
using System.Text.Json;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.Acceptance;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.Cli.Serve;
using PerfPipeline.Tests.Support.Browser;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// The seeds' dashboard page in headless Chromium, both as <c>dashboard --format html</c> writes it (self-contained)
/// and as <c>serve</c> serves it (chart library from the server, pickers); screenshots land in artifacts/screenshots.
/// </summary>
public sealed class DashboardPageBrowserTests(ServedSeeds seeds) : IClassFixture<ServedSeeds>
{
    private const string PickedQuarter = "2019-20 Q1";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serve_SeedsInChromium_TheTeamPickerShowsTheTeamAndItsWorkListSortableByDaysOverdue()
    {
        using var sut = await HeadlessChromium.ReadTeamPageAsync(seeds.Served.Address, Screenshot("dashboard-team.png"), "Children in Care", Ct);

        var seen = sut.RootElement;
        Assert.Empty(seen.GetProperty("errors").EnumerateArray());
        var teams = seen.GetProperty("teams").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(string.Empty, teams[0]);
        Assert.Contains("Children in Care", teams);
        Assert.Contains("(none)", teams);

        // The whole LA's list has every kind of work, most overdue first.
        var whole = seen.GetProperty("whole");
        Assert.Equal("2019-09-30", whole.GetProperty("asAt").GetString());
        var wholeDays = whole.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("days").GetInt32()).ToList();
        Assert.Equal(wholeDays.OrderDescending(), wholeDays);
        Assert.Equal(5, whole.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Distinct().Count());

        var picked = seen.GetProperty("picked");
        Assert.Contains("team=Children+in+Care", picked.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Children in Care", "Children in Care"), (picked.GetProperty("team").GetString(), picked.GetProperty("selected").GetString()));
        var rows = picked.GetProperty("list").GetProperty("rows").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < wholeDays.Count);
        Assert.All(rows, r => Assert.Equal("Children in Care", r.GetProperty("team").GetString()));

        // The days-overdue header turns the order round.
        var sorted = seen.GetProperty("sorted");
        Assert.Equal("ascending", sorted.GetProperty("sort").GetString());
        var sortedDays = sorted.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("days").GetInt32()).ToList();
        Assert.Equal(sortedDays.Order(), sortedDays);
        Assert.Equal(rows.Select(r => r.GetProperty("days").GetInt32()).Order(), sortedDays);
    }

    [Fact]
    public async Task DashboardCommandHtml_SeedsInChromium_ShowsEveryPublishedFigureAndDrawsEveryChart()
    {
        using var folder = new TempDirectory();
        var page = folder.File("dashboard.html");
        await File.WriteAllTextAsync(page, await DashboardHtmlAsync(folder.File("data")), Ct);

        using var sut = await HeadlessChromium.ReadDashboardAsync(new Uri(page), Screenshot("dashboard.png"), cancellationToken: Ct);

        Assert.Empty(sut.RootElement.GetProperty("errors").EnumerateArray());
        AssertShowsThePublishedDashboard(sut.RootElement, await TrendsAsync());
        Assert.True(new FileInfo(Screenshot("dashboard.png")).Length > 0);
    }

    [Fact]
    public async Task Serve_SeedsInChromium_ShowsThePublishedDashboardAndThePeriodPickerSwitchesQuarter()
    {
        var trends = await TrendsAsync();
        using var picked = JsonDocument.Parse((await seeds.Served.NewApi().GetDashboardAsync("872", PickedQuarter, null, Ct)).Body.ToArray());

        using var sut = await HeadlessChromium.ReadDashboardAsync(seeds.Served.Address, Screenshot("dashboard-served.png"), PickedQuarter, Ct);

        var seen = sut.RootElement;
        Assert.Empty(seen.GetProperty("errors").EnumerateArray());
        Assert.Equal(SeedDashboard.PublishedPeriod.Code, seen.GetProperty("period").GetString());
        AssertShowsThePublishedDashboard(seen, trends);
        Assert.True(new FileInfo(Screenshot("dashboard-served.png")).Length > 0);

        var after = seen.GetProperty("picked");
        Assert.Equal(PickedQuarter, after.GetProperty("period").GetString());
        Assert.Contains("period=2019-20+Q1", after.GetProperty("url").GetString(), StringComparison.Ordinal);
        var current = after.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("cells").GetProperty("current").GetString()!);
        var expected = picked.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => IndicatorDisplay.WithUnit(
                m.GetProperty("current").GetProperty("display").GetString()!, IndicatorCatalogue.All.Single(d => d.Code == m.GetProperty("code").GetString()).Unit));
        Assert.Equal(expected, current);
        AssertEveryChartDrew(after, trends);
    }

    /// <summary>Every measure shows the published figures (rounded as published, <c>n/a</c> where published) and arrow; every chart drew.</summary>
    private static void AssertShowsThePublishedDashboard(JsonElement seen, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends)
    {
        var rows = seen.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("cells"));
        var mismatches = new List<string>();
        foreach (var measure in PublishedDashboard.Load())
        {
            var cells = rows[measure.Indicator];
            foreach (var (column, cell, published) in new[]
            {
                (PublishedDashboard.YearColumn, "previous_year", measure.Year),
                (PublishedDashboard.LastYearQuarterColumn, "same_period_last_year", measure.LastYearQuarter),
                (PublishedDashboard.QuarterColumn, "current", measure.Quarter),
            })
            {
                var expected = PublishedDashboard.Expected(measure.Indicator, column, published);
                var shown = cells.GetProperty(cell).GetString()!;
                if (PublishedDashboard.AsPublished(AsNumber(shown), expected) != expected)
                {
                    mismatches.Add($"{measure.Indicator} {cell}: shows {shown}, published {expected}");
                }
            }

            var arrow = cells.GetProperty("direction").GetString()!;
            if (!arrow.StartsWith(Arrow(measure.Direction), StringComparison.Ordinal))
            {
                mismatches.Add($"{measure.Indicator} direction: shows {arrow}, published {measure.Direction}");
            }
        }

        Assert.Empty(mismatches);
        Assert.Equal(rows.Count, seen.GetProperty("charts").GetArrayLength());
        AssertEveryChartDrew(seen, trends);
    }

    /// <summary>Each chart is a Chart.js chart that painted pixels, with a point per quarter and a text alternative.</summary>
    private static void AssertEveryChartDrew(JsonElement seen, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> trends) =>
        Assert.All(seen.GetProperty("charts").EnumerateArray(), chart =>
        {
            var code = chart.GetProperty("code").GetString()!;
            Assert.True(chart.GetProperty("instance").GetBoolean(), code);
            Assert.True(chart.GetProperty("painted").GetInt32() > 0, $"{code} drew nothing");
            Assert.Equal(trends.GetValueOrDefault(code)?.Count ?? 0, chart.GetProperty("points").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(chart.GetProperty("ariaLabel").GetString()), code);
        });

    /// <summary>What <c>perfpipeline dashboard --format html</c> prints for the served seeds' warehouse.</summary>
    private async Task<string> DashboardHtmlAsync(string dataFolder)
    {
        var (exitCode, output) = await CliInvocation.InvokeAsync(["dashboard", "--format", "html", "--db", seeds.Served.DatabasePath], dataFolder, TimeProvider.System);
        Assert.Equal(0, exitCode);
        return output;
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>>> TrendsAsync() =>
        DashboardTrends.Quarterly(await seeds.Served.Pipeline.Warehouse.ReadCurrentIndicatorValuesAsync("872", Ct));

    private static string Screenshot(string name)
    {
        var path = RepositoryRoot.File("artifacts", "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static decimal? AsNumber(string shown) =>
        shown == "n/a" ? null : decimal.Parse(shown.Replace(",", string.Empty, StringComparison.Ordinal).TrimEnd('%'), CultureInfo.InvariantCulture);

    private static string Arrow(string direction) => direction switch
    {
        "up" => "↑",
        "down" => "↓",
        "level" => "↔",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "not a published direction"),
    };
}
