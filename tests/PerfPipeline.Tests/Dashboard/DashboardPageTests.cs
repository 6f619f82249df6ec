namespace PerfPipeline.Tests.Dashboard;

using System.Text.RegularExpressions;

using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

public sealed partial class DashboardPageTests
{
    private static readonly Period Q2 = Period.Parse("2019-20 Q2");

    [Theory]
    [InlineData(IndicatorPolarity.HigherIsBetter, 10, 5, "improving")]
    [InlineData(IndicatorPolarity.HigherIsBetter, 5, 10, "worsening")]
    [InlineData(IndicatorPolarity.LowerIsBetter, 10, 5, "worsening")]
    [InlineData(IndicatorPolarity.LowerIsBetter, 5, 10, "improving")]
    [InlineData(IndicatorPolarity.Neutral, 10, 5, "neutral")]
    [InlineData(IndicatorPolarity.HigherIsBetter, 5, 5, "no-change")]
    public void Render_ChangeAgainstLastYear_MarkedFromThePolarity(IndicatorPolarity polarity, int current, int lastYear, string expected)
    {
        var definition = IndicatorCatalogue.All.First(d => d.Polarity == polarity);
        var dashboard = DashboardBuilder.Build(
            [definition], "872", "Wokingham", Q2, null,
            (_, period) => new IndicatorValue("872", definition.Code, period, null, null, period == Q2 ? current : lastYear));

        var sut = DashboardPage.Render(dashboard, new Dictionary<string, IReadOnlyList<DashboardTrendPoint>>());

        Assert.Equal(expected, DirectionClass().Match(sut).Groups[1].Value);
    }

    [Fact]
    public void Render_SeedDashboard_IsSelfContained()
    {
        var sut = DashboardPage.Render(SeedDashboard.Document, SeedDashboard.Trends);

        Assert.DoesNotMatch(ExternalResource(), sut);
        Assert.Contains("Chart.js v4", sut, StringComparison.Ordinal);
        Assert.Equal(
            IndicatorCatalogue.All.Count,
            ChartCanvas().Count(sut));
    }

    [Fact]
    public void Render_SeedDashboard_PercentagesCarryTheSignAndCountsDoNot()
    {
        var sut = DashboardPage.Render(SeedDashboard.Document, SeedDashboard.Trends);

        Assert.Contains("<td data-column=\"current\" data-numerator=\"105\" data-denominator=\"419\" title=\"105 of 419\">25.1%</td>", Row(sut, IndicatorCodes.CscRereferrals12MPct), StringComparison.Ordinal);
        Assert.Contains("<td data-column=\"national\" title=\"England, re-referrals within 12 months (CIN census)\">21.9% <span class=\"comparator-period\">(England 2018-19)</span></td>", Row(sut, IndicatorCodes.CscRereferrals12MPct), StringComparison.Ordinal);
        Assert.Contains("<td data-column=\"current\">419</td>", Row(sut, IndicatorCodes.CscReferrals), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LabelWithMarkup_IsEscaped()
    {
        var dashboard = SeedDashboard.Document with { LaName = "<script>alert(1)</script>" };

        var sut = DashboardPage.Render(dashboard, SeedDashboard.Trends);

        Assert.DoesNotContain("<script>alert(1)", sut, StringComparison.Ordinal);
    }

    private static string Row(string page, string code) =>
        Regex.Match(page, $"<tr data-code=\"{code}\">.*?</tr>", RegexOptions.Singleline).Value;

    [GeneratedRegex("data-column=\"direction\" class=\"([a-z-]+)\"")]
    private static partial Regex DirectionClass();

    [GeneratedRegex("(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();

    [GeneratedRegex("<canvas [^>]*role=\"img\" data-code=\"[A-Z0-9_]+\"[^>]* aria-label=\"Quarterly trend of ")]
    private static partial Regex ChartCanvas();
}
