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

        Assert.Equal(
            [new("2018-19 Q4", null), new("2019-20 Q1", 400), new("2019-20 Q2", 419)],
            sut[CscReferrals]);
        Assert.Equal([new DashboardTrendPoint("2019-20 Q1", 34.04m)], sut[SwAgencyPct]);
    }

    private static IndicatorValue Value(string code, string period, decimal? value) =>
        new("872", code, Period.Parse(period), value, null, value);
}
