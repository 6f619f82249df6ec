namespace PerfPipeline.Tests.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class DashboardTrendsTests
{
    [Fact]
    public void Quarterly_MixedPeriodTypes_KeepsQuartersOldestFirst()
    {
        IndicatorValue[] values =
        [
            Value(CscReferrals, "2019-20 Q2", 419),
            Value(CscReferrals, "2019-20", 1800),
            Value(CscReferrals, "2019-09", 150),
            Value(CscReferrals, "2018-19 Q4", null),
            Value(CscReferrals, "2019-20 Q1", 400),
            Value(SwAgencyPct, "2019-20 Q1", 34.04m),
        ];

        var sut = DashboardTrends.Quarterly(values);

        Assert.Equal([new("2019-20 Q1", 400), new("2019-20 Q2", 419)], sut[CscReferrals]);
        Assert.Equal([new DashboardTrendPoint("2019-20 Q1", 34.04m)], sut[SwAgencyPct]);
    }

    [Fact]
    public void Quarterly_ZerosAndGapsBeforeTheFirstFigure_StartsAtTheFirstFigureAndKeepsLaterOnes()
    {
        IndicatorValue[] values =
        [
            Value(CscReferrals, "2018-19 Q2", 0),
            Value(CscReferrals, "2018-19 Q3", null),
            Value(CscReferrals, "2018-19 Q4", 12),
            Value(CscReferrals, "2019-20 Q1", 0),
            Value(CscReferrals, "2019-20 Q2", null),
        ];

        var sut = DashboardTrends.Quarterly(values);

        Assert.Equal([new("2018-19 Q4", 12), new("2019-20 Q1", 0), new("2019-20 Q2", null)], sut[CscReferrals]);
    }

    [Fact]
    public void Quarterly_ZeroThroughout_KeepsEveryQuarter()
    {
        IndicatorValue[] values = [Value(MissingChildren, "2019-20 Q1", 0), Value(MissingChildren, "2019-20 Q2", 0)];

        var sut = DashboardTrends.Quarterly(values);

        Assert.Equal([new("2019-20 Q1", 0), new("2019-20 Q2", 0)], sut[MissingChildren]);
    }

    private static IndicatorValue Value(string code, string period, decimal? value) =>
        new("872", code, Period.Parse(period), value, null, value);
}
