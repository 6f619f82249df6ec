namespace PerfPipeline.Tests.Reporting;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Reference;
using PerfPipeline.Reporting;

public sealed class ReferenceRulesTests
{
    private static readonly IndicatorTarget Ninety = new("X", 90m, 5m, "local", new DateOnly(2019, 4, 1));

    [Theory]
    [InlineData(92.0, IndicatorPolarity.HigherIsBetter, RagStatus.Green)]
    [InlineData(89.96, IndicatorPolarity.HigherIsBetter, RagStatus.Green)] // shown as 90.0: met, as the reader sees it
    [InlineData(85.0, IndicatorPolarity.HigherIsBetter, RagStatus.Amber)]
    [InlineData(84.9, IndicatorPolarity.HigherIsBetter, RagStatus.Red)]
    [InlineData(88.0, IndicatorPolarity.LowerIsBetter, RagStatus.Green)]
    [InlineData(95.0, IndicatorPolarity.LowerIsBetter, RagStatus.Amber)]
    [InlineData(95.1, IndicatorPolarity.LowerIsBetter, RagStatus.Red)]
    public void Judge_FollowsPolarityAndTolerance(double value, IndicatorPolarity polarity, RagStatus expected) =>
        Assert.Equal(expected, RagRule.Judge((decimal)value, Ninety, polarity, 1));

    [Fact]
    public void Judge_NeutralOrNoFigure_NoRag()
    {
        Assert.Null(RagRule.Judge(50m, Ninety, IndicatorPolarity.Neutral, 0));
        Assert.Null(RagRule.Judge(null, Ninety, IndicatorPolarity.HigherIsBetter, 1));
    }

    [Fact]
    public void InForce_LatestFromDateOnOrBeforeThePeriodEnd()
    {
        IndicatorTarget[] targets = [Ninety, Ninety with { Target = 95m, FromDate = new DateOnly(2020, 4, 1) }];

        Assert.Equal(90m, RagRule.InForce(targets, "X", Period.Parse("2019-20 Q2"))!.Target);
        Assert.Equal(95m, RagRule.InForce(targets, "X", Period.Parse("2020-21 Q1"))!.Target);
        Assert.Null(RagRule.InForce(targets, "X", Period.Parse("2018-19 Q4")));
    }

    [Fact]
    public void Latest_PicksTheNewestPublishedByThePeriodEnd()
    {
        Comparator[] comparators =
        [
            new("X", "England", "2018-19", new DateOnly(2019, 3, 31), 82.7m, "percent", ""),
            new("X", "England", "2019-20", new DateOnly(2020, 3, 31), 84.0m, "percent", ""),
            new("X", "region:South East", "2019-20", new DateOnly(2020, 3, 31), 80.0m, "percent", ""),
        ];

        Assert.Equal("2018-19", NationalFigure.Latest(comparators, "X", Period.Parse("2019-20 Q2"))!.Period);
        Assert.Equal("2019-20", NationalFigure.Latest(comparators, "X", Period.Parse("2023-24 Q2"))!.Period);
        Assert.Equal(80.0m, NationalFigure.Latest(comparators, "X", Period.Parse("2023-24"), "region:South East")!.Value);
        Assert.Null(NationalFigure.Latest(comparators, "X", Period.Parse("2018-19 Q2")));
    }

    [Theory]
    [InlineData("England", "2018-19", "England 2018-19")]
    [InlineData("England", "calendar year 2018", "England, calendar year 2018")]
    [InlineData("region:South East", "2018-19", "South East 2018-19")]
    public void Label_NamesThePlaceAndItsOwnPeriod(string geography, string period, string expected) =>
        Assert.Equal(expected, NationalFigure.Label(new Comparator("X", geography, period, new DateOnly(2019, 3, 31), 1m, "percent", "")));
}
