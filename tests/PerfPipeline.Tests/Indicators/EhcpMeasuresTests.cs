namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class EhcpMeasuresTests
{
    private static readonly LaCaseData Ehcp =
        Supplying(ExtractContract.EhcpRequests, ExtractContract.EhcpAssessments, ExtractContract.EhcpNamedPlans);

    [Fact]
    public void CurrentPlans_CountTheServingSnapshotByBorough()
    {
        var data = Ehcp with
        {
            EhcpActivePlanSnapshots =
            [
                new(Day("2019-10-07"), [Active("1", true), Active("2", true), Active("3", false)]),
                new(Day("2019-10-03"), [Active("1", true), Active("3", false)]), // nearer to the period end: serves it
            ],
        };

        AssertValue(Measure(data, EhcpCurrentInBorough, "2019-20 Q2"), 1, null, 1);
        AssertValue(Measure(data, EhcpCurrentOutOfBorough, "2019-20 Q2"), 1, null, 1);
    }

    [Theory]
    [InlineData("2019-09-30", true)]
    [InlineData("2019-10-07", true)] // D + 7 days
    [InlineData("2019-10-08", false)] // D + 8 days
    [InlineData("2019-09-29", false)] // before D
    public void CurrentPlans_NeedASnapshotWithinAWeekAfterThePeriodEnd(string asAt, bool available)
    {
        var data = Ehcp with { EhcpActivePlanSnapshots = [new(Day(asAt), [Active("1", true)])] };

        var sut = Measure(data, EhcpCurrentInBorough, "2019-20 Q2");

        Assert.Equal(available ? 1m : null, sut.Value);
    }

    [Fact]
    public void CurrentPlans_WithNoSnapshotEver_AreNotAvailableNotZero()
    {
        AssertValue(Measure(Ehcp, EhcpCurrentOutOfBorough, "2019-20 Q2"), null, null, null);
    }

    [Theory]
    [InlineData("2019-07-19", 1)] // 140 days after the request on 2019-03-01
    [InlineData("2019-07-20", 0)] // 141 days
    public void IssuedWithin20Weeks_AllowsUpTo140CalendarDays(string issued, int inTime)
    {
        var data = Ehcp with
        {
            EhcpRequests = [new("R1", Day("2019-03-01"), null, null)],
            EhcpAssessments = [new("A1", "R1", null, null, false)],
            EhcpNamedPlans = [new("P1", "A1", Day(issued), null)],
        };

        AssertValue(Measure(data, EhcpIssuedWithin20WeeksPct, "2019-20 Q2"), inTime, 1, inTime * 100m);
    }

    [Fact]
    public void IssuedWithin20Weeks_LeavesOutExceptionsAndPlansMissingTheirAssessmentOrRequest()
    {
        var data = Ehcp with
        {
            EhcpRequests = [new("R1", Day("2019-03-01"), null, null), new("R2", Day("2019-03-01"), null, null)],
            EhcpAssessments =
            [
                new("A1", "R1", null, null, false),
                new("A2", "R2", null, null, true), // exceptions apply
                new("A3", "R-missing", null, null, null),
            ],
            EhcpNamedPlans =
            [
                new("P1", "A1", Day("2019-08-01"), null), // 153 days: late
                new("P2", "A2", Day("2019-07-01"), null),
                new("P3", "A3", Day("2019-07-01"), null),
                new("P4", "A-missing", Day("2019-07-01"), null),
                new("P5", "A1", Day("2019-06-30"), null), // issued before the quarter
            ],
        };

        AssertValue(Measure(data, EhcpIssuedWithin20WeeksPct, "2019-20 Q2"), 0, 1, 0);
    }

    [Fact]
    public void IssuedWithin20Weeks_WithNoPlanIssued_IsNotAvailable()
    {
        AssertValue(Measure(Ehcp, EhcpIssuedWithin20WeeksPct, "2019-20 Q2"), 0, 0, null);
    }

    [Fact]
    public void IssuedWithin20Weeks_WhenTheRequestsWereNeverSupplied_IsNotAvailable()
    {
        var data = Supplying(ExtractContract.EhcpAssessments, ExtractContract.EhcpNamedPlans) with
        {
            EhcpAssessments = [new("A1", "R1", null, null, false)],
            EhcpNamedPlans = [new("P1", "A1", Day("2019-07-19"), null)],
        };

        AssertValue(Measure(data, EhcpIssuedWithin20WeeksPct, "2019-20 Q2"), null, null, null);
    }

    private static EhcpActivePlan Active(string id, bool inBorough) => new(id, null, null, inBorough);
}
