namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class ChildProtectionMeasuresTests
{
    [Fact]
    public void CurrentPlans_CountDistinctPersonsWithAPlanOpenAtThePeriodEnd()
    {
        var data = Plans(
            ("a", "2019-01-01", null), // open-ended
            ("a", "2019-06-01", null), // a second open plan for the same child counts once
            ("b", "2019-02-01", "2019-09-30"), // ends on D: no longer open
            ("c", "2019-09-30", null), // starts on D
            ("d", "2019-10-01", null), // starts after D
            ("e", "2019-03-01", "2019-10-01"));

        AssertValue(Measure(data, CpPlansCurrent, "2019-20 Q2"), 3, null, 3);
    }

    [Theory]
    [InlineData("2017-07-15", 1)] // ended exactly 2 years before the new start
    [InlineData("2017-07-14", 0)] // 2 years and a day
    [InlineData("2019-07-15", 1)] // ended on the new start day
    public void RepeatPlans_CountAnEarlierPlanEndingInTheTwoYearsUpToTheStart(string earlierEnd, int repeat)
    {
        var data = Plans(("a", "2017-01-01", earlierEnd), ("a", "2019-07-15", null));

        AssertValue(Measure(data, CpRepeatPlan2YPct, "2019-20 Q2"), repeat, 1, repeat * 100m);
    }

    [Fact]
    public void RepeatPlans_CountEachChildOnceByTheirFirstStartInThePeriod()
    {
        var data = Plans(
            ("a", "2019-07-01", "2019-07-20"), // first start: no earlier plan
            ("a", "2019-08-01", null), // would be a repeat, but is not a's first start in the quarter
            ("b", "2018-01-01", "2019-01-01"),
            ("b", "2019-09-01", null),
            ("c", "2019-06-30", null)); // before the quarter

        AssertValue(Measure(data, CpRepeatPlan2YPct, "2019-20 Q2"), 1, 2, 50);
        AssertValue(Measure(data, CpRepeatPlan2YPct, "2019-08"), 1, 1, 100);
    }

    [Fact]
    public void RepeatPlans_IgnoreLaterStartedPlans()
    {
        // The plan starting later ended before this start (bad data) but did not start before it.
        var data = Plans(("a", "2019-07-10", null), ("a", "2019-07-11", "2019-07-09"));

        AssertValue(Measure(data, CpRepeatPlan2YPct, "2019-07"), 0, 1, 0);
    }

    [Theory]
    [InlineData("2019-07-15", 1)] // 10 working days after the plan start (Monday 1 July)
    [InlineData("2019-07-16", 0)] // 11 working days
    public void Visits_FirstVisitIsTimedFromThePlanStart(string visit, int inTime)
    {
        var data = Plans(("a", "2019-07-01", null)) with { CpVisits = [Visit("V1", "P0", visit)] };

        AssertValue(Measure(data, CpVisitsInTimescalePct, "2019-20 Q2"), inTime, 1, inTime * 100m);
    }

    [Theory]
    [InlineData("2019-07-29", "2019-08-12", 1)] // 10 working days after the previous visit
    [InlineData("2019-07-29", "2019-08-13", 0)] // 11 working days
    [InlineData("2019-08-16", "2019-09-02", 1)] // 10 working days: the summer bank holiday (26 August) does not count
    [InlineData("2019-08-16", "2019-09-03", 0)] // 11 working days
    public void Visits_LaterVisitsAreTimedFromThePreviousVisitInThePlan(string previous, string visit, int inTime)
    {
        var data = Plans(("a", "2019-07-01", null)) with { CpVisits = [Visit("V1", "P0", previous), Visit("V2", "P0", visit)] };

        AssertValue(Measure(data, CpVisitsInTimescalePct, visit[..7]), inTime, 1, inTime * 100m);
    }

    [Fact]
    public void Visits_OutsideTheirPlanAreLeftOutAndAreNobodysPreviousVisit()
    {
        var data = Plans(("a", "2019-07-01", "2019-08-31")) with
        {
            CpVisits =
            [
                Visit("V1", "P0", "2019-06-14"), // before the plan: 20 working days before V2
                Visit("V2", "P0", "2019-07-12"), // 9 working days from the plan start
                Visit("V3", "P0", "2019-07-20"), // a Saturday, 5 working days after V2
                Visit("V4", "P0", "2019-09-02"), // after the plan ended
                Visit("V5", "P-unknown", "2019-07-15"),
            ],
        };

        AssertValue(Measure(data, CpVisitsInTimescalePct, "2019-20 Q2"), 2, 2, 100);
    }

    [Fact]
    public void Visits_OnTheSameDayGiveZeroDays()
    {
        var data = Plans(("a", "2019-07-01", null)) with
        {
            CpVisits = [Visit("V2", "P0", "2019-07-20"), Visit("V1", "P0", "2019-07-20")],
        };

        // V1 (ordered first by id) is 14 working days from the start, V2 follows it on the same day.
        AssertValue(Measure(data, CpVisitsInTimescalePct, "2019-07"), 1, 2, 50);
    }

    [Fact]
    public void Visits_HonourTheTimescaleSetting()
    {
        var data = Plans(("a", "2019-07-01", null)) with { CpVisits = [Visit("V1", "P0", "2019-07-16")] };

        var sut = Measure(data, CpVisitsInTimescalePct, "2019-07", new() { CpVisitWorkingDays = 11 });

        AssertValue(sut, 1, 1, 100);
    }

    [Fact]
    public void Visits_WhenPlansWereNeverSupplied_AreNotAvailable()
    {
        var data = Supplying(ExtractContract.CpVisits) with { CpVisits = [Visit("V1", "P0", "2019-07-16")] };

        AssertValue(Measure(data, CpVisitsInTimescalePct, "2019-07"), null, null, null);
    }

    [Fact]
    public void Rate_IsCurrentPlansPerTenThousandOfTheLatestMidYearEstimate()
    {
        var data = Plans(("a", "2019-01-01", null), ("b", "2019-01-01", null), ("c", "2019-01-01", null)) with
        {
            Population = [new(2018, 40_000), new(2019, 30_000), new(2020, 1)],
        };

        AssertValue(Measure(data, CpRatePer10K, "2019-05"), 3, 40_000, 0.75m); // mid-2019 (30 June) is after D
        AssertValue(Measure(data, CpRatePer10K, "2019-06"), 3, 30_000, 1);
    }

    [Fact]
    public void Rate_WithoutAPopulationEstimate_IsNotAvailable()
    {
        var data = Plans(("a", "2019-01-01", null)) with { Population = [new(2020, 30_000)] };

        AssertValue(Measure(data, CpRatePer10K, "2019-20 Q2"), 1, null, null);
    }

    private static LaCaseData Plans(params (string Person, string Start, string? End)[] plans) =>
        Supplying(ExtractContract.CpPlans, ExtractContract.CpVisits) with
        {
            CpPlans = [.. plans.Select((p, i) => new CpPlan($"P{i}", p.Person, Day(p.Start), MaybeDay(p.End), null))],
        };

    private static CpVisit Visit(string id, string planId, string date) => new(id, "a", planId, Day(date), true);
}
