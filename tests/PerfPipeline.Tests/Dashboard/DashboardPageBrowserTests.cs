namespace PerfPipeline.Tests.Dashboard;

using System.Globalization;
using System.Text.Json;

using PerfPipeline.Dashboard;
using PerfPipeline.Tests.Acceptance;
using PerfPipeline.Tests.Support.Browser;
using PerfPipeline.Tests.TestSupport;

/// <summary>The seeds' HTML dashboard as headless Chromium shows it; the screenshot lands in artifacts/screenshots.</summary>
public sealed class DashboardPageBrowserTests
{
    [Fact]
    public async Task Render_SeedDashboardInChromium_ShowsEveryPublishedFigureAndDrawsEveryChart()
    {
        using var folder = new TempDirectory();
        var page = folder.File("dashboard.html");
        await File.WriteAllTextAsync(page, DashboardPage.Render(SeedDashboard.Document, SeedDashboard.Trends), TestContext.Current.CancellationToken);
        var screenshot = RepositoryRoot.File("artifacts", "screenshots", "dashboard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        using var sut = await HeadlessChromium.ReadDashboardAsync(new Uri(page), screenshot, TestContext.Current.CancellationToken);

        var seen = sut.RootElement;
        Assert.Empty(seen.GetProperty("errors").EnumerateArray());
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
        var charts = seen.GetProperty("charts").EnumerateArray().ToList();
        Assert.Equal(rows.Count, charts.Count);
        Assert.All(charts, chart =>
        {
            var code = chart.GetProperty("code").GetString()!;
            Assert.True(chart.GetProperty("instance").GetBoolean(), code);
            Assert.True(chart.GetProperty("painted").GetInt32() > 0, $"{code} drew nothing");
            Assert.Equal(SeedDashboard.Trends[code].Count, chart.GetProperty("points").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(chart.GetProperty("ariaLabel").GetString()), code);
        });
        Assert.True(new FileInfo(screenshot).Length > 0);
    }

    private static decimal? AsNumber(string shown) =>
        shown == "n/a" ? null : decimal.Parse(shown.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static string Arrow(string direction) => direction switch
    {
        "up" => "↑",
        "down" => "↓",
        "level" => "↔",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "not a published direction"),
    };
}
