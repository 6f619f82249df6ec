namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class EarlyHelpMeasuresTests
{
    private static readonly LaCaseData Data = Supplying(ExtractContract.EarlyHelpEpisodes) with
    {
        EarlyHelpEpisodes =
        [
            new("E1", "p1", Day("2019-06-20"), null, Day("2019-07-01")), // 11 days
            new("E2", "p2", Day("2019-07-01"), null, Day("2019-07-31")), // 30 days
            new("E3", "p3", Day("2019-09-30"), null, Day("2019-10-02")), // completed after the quarter
            new("E4", "p4", Day("2019-08-15"), Day("2019-09-01"), null),
        ],
    };

    [Fact]
    public void Referrals_CountEpisodesStartingInThePeriodBothEndsInclusive()
    {
        AssertValue(Measure(Data, EhReferrals, "2019-20 Q2"), 3, null, 3);
        AssertValue(Measure(Data, EhReferrals, "2019-07"), 1, null, 1);
    }

    [Fact]
    public void Assessments_CountAssessmentsCompletedInThePeriod()
    {
        AssertValue(Measure(Data, EhAssessments, "2019-20 Q2"), 2, null, 2);
    }

    [Fact]
    public void AverageDays_IsTheMeanOverAssessmentsCompletedInThePeriod()
    {
        AssertValue(Measure(Data, EhAvgDaysReferralToAssessment, "2019-20 Q2"), 41, 2, 20.5m);
    }

    [Fact]
    public void AverageDays_WithNoAssessmentInThePeriod_IsNotAvailable()
    {
        AssertValue(Measure(Data, EhAvgDaysReferralToAssessment, "2019-06"), 0, 0, null);
        AssertValue(Measure(Data, EhAssessments, "2019-06"), 0, null, 0);
    }

    [Fact]
    public void Referrals_WhenEarlyHelpWasNeverSupplied_AreNotAvailableNotZero()
    {
        AssertValue(Measure(Supplying(), EhReferrals, "2019-20 Q2"), null, null, null);
    }
}
