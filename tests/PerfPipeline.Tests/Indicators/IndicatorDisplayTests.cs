namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.Indicators;

public sealed class IndicatorDisplayTests
{
    public static readonly TheoryData<decimal?, int, string> Formats = new()
    {
        { 1787m, 0, "1,787" },
        { 419m, 0, "419" },
        { 1234.45m, 1, "1,234.5" }, // half away from zero
        { 12.25m, 1, "12.3" },
        { -12.25m, 1, "-12.3" },
        { 12.249999m, 1, "12.2" },
        { 74m * 100 / 114, 1, "64.9" },
        { 25m, 1, "25.0" },
        { 2.5m, 0, "3" },
        { -0.04m, 1, "0.0" },
        { null, 1, "n/a" },
        { null, 0, "n/a" },
    };

    [Theory]
    [InlineData("25.1", IndicatorUnit.Percent, "25.1%")]
    [InlineData("n/a", IndicatorUnit.Percent, "n/a")]
    [InlineData("1,787", IndicatorUnit.Count, "1,787")]
    [InlineData("44.2", IndicatorUnit.RatePer10K, "44.2")]
    public void WithUnit_Display_AddsThePercentSignOnlyToPercentages(string display, IndicatorUnit unit, string expected)
    {
        Assert.Equal(expected, IndicatorDisplay.WithUnit(display, unit));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Format_RoundsHalfAwayFromZeroWithThousandsSeparators(decimal? value, int precision, string expected)
    {
        Assert.Equal(expected, IndicatorDisplay.Format(value, precision));
    }

    public static readonly TheoryData<decimal?, decimal?, int, TravelDirection?> Directions = new()
    {
        { 419m, 412m, 0, TravelDirection.Up },
        { 159m, 160m, 0, TravelDirection.Down },
        { 34m, 34m, 1, TravelDirection.Level },
        { 34.04m, 33.96m, 1, TravelDirection.Level }, // both show 34.0
        { 34.05m, 33.96m, 1, TravelDirection.Up }, // 34.1 against 34.0
        { 12.4m, 11.6m, 0, TravelDirection.Level }, // both show 12
        { 64.91m, 65.0m, 1, TravelDirection.Down },
        { 25.1m, null, 1, null },
        { null, 25.1m, 1, null },
    };

    [Theory]
    [MemberData(nameof(Directions))]
    public void Direction_ComparesTheValuesAsDisplayed(decimal? current, decimal? comparator, int precision, TravelDirection? expected)
    {
        Assert.Equal(expected, IndicatorDisplay.Direction(current, comparator, precision));
    }

    [Fact]
    public void Arrow_ShowsEachDirection()
    {
        Assert.Equal(["↑", "↓", "↔", ""], new TravelDirection?[] { TravelDirection.Up, TravelDirection.Down, TravelDirection.Level, null }.Select(IndicatorDisplay.Arrow));
    }
}
