namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;

using static Cases;

public sealed class IndicatorEngineTests
{
    private static readonly LaCaseData Data = Supplying(ExtractContract.CinEpisodes, ExtractContract.CpPlans) with
    {
        AsAt = Day("2019-09-30"),
        Referrals = [new("R1", "a", Day("2019-05-15"), null, null, null, null), new("R2", "b", Day("2019-09-30"), null, null, null, null)],
        CpPlans = [new("P1", "a", Day("2019-06-01"), null, null)],
    };

    [Fact]
    public void PeriodsTouched_RunFromTheEarliestEventToTheAsAtDateKeepingEndedPeriods()
    {
        var sut = IndicatorEngine.PeriodsTouched(Data);

        Assert.Equal(["2019-05", "2019-06", "2019-07", "2019-08", "2019-09", "2019-20 Q1", "2019-20 Q2"], sut.Select(p => p.Code));
    }

    [Fact]
    public void PeriodsTouched_WithoutAnAsAtDate_EndAtTheLatestDateInTheData()
    {
        var sut = IndicatorEngine.PeriodsTouched(Data with { AsAt = null, CpPlans = [new("P1", "a", Day("2019-04-01"), Day("2019-08-31"), null)] });

        Assert.Equal(["2019-04", "2019-05", "2019-06", "2019-07", "2019-08", "2019-09", "2019-20 Q1", "2019-20 Q2"], sut.Select(p => p.Code));
    }

    [Fact]
    public void PeriodsTouched_OfNoData_IsEmpty()
    {
        Assert.Empty(IndicatorEngine.PeriodsTouched(Supplying()));
    }

    [Fact]
    public void ComputeAll_GivesEveryCatalogueMeasureForEveryPeriodTouched()
    {
        var sut = new IndicatorEngine().ComputeAll(Data);

        var periods = IndicatorEngine.PeriodsTouched(Data);
        Assert.Equal(periods.Count * IndicatorCatalogue.All.Count, sut.Count);
        Assert.Equal(
            periods.SelectMany(p => IndicatorCatalogue.All.Select(d => (p, d.Code))),
            sut.Select(v => (v.Period, v.IndicatorCode)));
        Assert.All(sut, v => Assert.Equal(LaCode, v.LaCode));
    }

    [Fact]
    public void ComputeAll_MatchesComputingEachPeriodAlone()
    {
        var sut = new IndicatorEngine();

        var all = sut.ComputeAll(Data);

        foreach (var period in IndicatorEngine.PeriodsTouched(Data))
        {
            Assert.Equal(sut.Compute(Data, period), all.Where(v => v.Period == period));
        }
    }

    [Fact]
    public void Compute_MeasuresFromDatasetsNeverSuppliedAreNotAvailable()
    {
        var sut = new IndicatorEngine().Compute(Data, Period.Parse("2019-20 Q2"));

        var byCode = sut.ToDictionary(v => v.IndicatorCode);
        Assert.Equal(1, byCode[IndicatorCodes.CscReferrals].Value);
        Assert.Equal(1, byCode[IndicatorCodes.CpPlansCurrent].Value);
        Assert.All(
            [IndicatorCodes.EhReferrals, IndicatorCodes.CscAssessments45WdPct, IndicatorCodes.CicCurrent, IndicatorCodes.MissingChildren,
             IndicatorCodes.SwAgencyPct, IndicatorCodes.CpVisitsInTimescalePct, IndicatorCodes.EhcpIssuedWithin20WeeksPct],
            code => Assert.Null(byCode[code].Value));
    }
}
