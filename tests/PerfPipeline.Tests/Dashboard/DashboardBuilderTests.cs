namespace PerfPipeline.Tests.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class DashboardBuilderTests
{
    private static readonly Period Q2 = Period.Parse("2019-20 Q2");

    [Fact]
    public void Build_ShowsCurrentSamePeriodLastYearAndPreviousYearWithTheDirection()
    {
        var sut = Build(
            (CscReferrals, "2019-20 Q2", 419, null), (CscReferrals, "2018-19 Q2", 412, null), (CscReferrals, "2018-19", 1787, null));

        var measure = Find(sut, CscReferrals);
        Assert.Equal(("419", "412", "1,787"), (measure.Current.Display, measure.SamePeriodLastYear.Display, measure.PreviousYear.Display));
        Assert.Equal(419, measure.Current.Value);
        Assert.Equal(419, measure.Current.Numerator);
        Assert.Null(measure.Current.Denominator);
        Assert.Equal(TravelDirection.Up, measure.Direction);
        Assert.Equal("2018-19 Q2", measure.DirectionComparedWith);
    }

    [Fact]
    public void Build_WithoutTheSamePeriodLastYear_ComparesWithThePreviousFinancialYear()
    {
        var sut = Build(
            (EhcpCurrentInBorough, "2019-20 Q2", 581, null), (EhcpCurrentInBorough, "2018-19 Q2", null, null),
            (EhcpCurrentInBorough, "2018-19", 560, null));

        var measure = Find(sut, EhcpCurrentInBorough);
        Assert.Equal("n/a", measure.SamePeriodLastYear.Display);
        Assert.Equal(TravelDirection.Up, measure.Direction);
        Assert.Equal("2018-19", measure.DirectionComparedWith);
    }

    [Fact]
    public void Build_ComparesAtDisplayPrecision()
    {
        var sut = Build((SwAgencyPct, "2019-20 Q2", 34.04m, 100), (SwAgencyPct, "2018-19 Q2", 33.96m, 100));

        var measure = Find(sut, SwAgencyPct);
        Assert.Equal(TravelDirection.Level, measure.Direction);
        Assert.Equal(("34.0", "34.0"), (measure.Current.Display, measure.SamePeriodLastYear.Display));
    }

    [Fact]
    public void Build_WithNoComparatorOrNoCurrentValue_HasNoDirection()
    {
        var sut = Build((CscReferrals, "2019-20 Q2", 419, null), (CmeCurrent, "2018-19", 13, null));

        Assert.Null(Find(sut, CscReferrals).Direction);
        Assert.Null(Find(sut, CscReferrals).DirectionComparedWith);
        Assert.Null(Find(sut, CmeCurrent).Direction);
        Assert.Equal("n/a", Find(sut, CmeCurrent).Current.Display);
    }

    [Fact]
    public void Build_FollowsTheCatalogueOrderWithTheNationalComparators()
    {
        var sut = Build();

        Assert.Equal("872", sut.LaCode);
        Assert.Equal("Wokingham", sut.LaName);
        Assert.Equal("2019-20 Q2", sut.Period);
        Assert.Equal(new DashboardComparisons("2018-19 Q2", "2018-19"), sut.ComparedWith);
        Assert.Equal(new DateOnly(2019, 9, 30), sut.DataAsAt);
        Assert.Equal(Enumerable.Range(1, 8), sut.Items.Select(i => i.Item));
        Assert.Equal(IndicatorCatalogue.All.Select(d => d.Code), sut.Items.SelectMany(i => i.Measures).Select(m => m.Code));
        Assert.Equal(
            new DashboardNational(82.7m, "2018-19", "82.7") { Label = "England 2018-19", SourceNote = "England, assessments completed within 45 working days (CIN census)" },
            Find(sut, CscAssessments45WdPct).National);
        Assert.Equal(
            new DashboardNational(93m, "2018-19", "93.0") { Label = "England 2018-19", SourceNote = "England, care leavers in touch with their local authority" },
            Find(sut, ClInTouchPct).National);
        Assert.Equal(new DashboardNational(null, null, null), Find(sut, CscReferrals).National);
    }

    internal static DashboardDocument Build(params (string Code, string Period, decimal? Value, decimal? Denominator)[] values)
    {
        var byKey = values.ToDictionary(
            v => (v.Code, Period.Parse(v.Period)),
            v => new IndicatorValue("872", v.Code, Period.Parse(v.Period), v.Value is null ? null : v.Value * (v.Denominator ?? 100) / 100, v.Denominator, v.Value));
        return DashboardBuilder.Build("872", "Wokingham", Q2, new DateOnly(2019, 9, 30), (code, period) => byKey.GetValueOrDefault((code, period)));
    }

    private static DashboardMeasure Find(DashboardDocument dashboard, string code) =>
        dashboard.Items.SelectMany(i => i.Measures).Single(m => m.Code == code);
}
