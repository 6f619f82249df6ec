namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Absent, empty, keyless: a measure whose dataset or column was not supplied is n/a with the reason, never zero.</summary>
public sealed class NotSuppliedMeasuresTests
{
    [Fact]
    public void DatasetNotSupplied_IsNotAvailableNamingTheDataset()
    {
        var sut = Measure(Supplying(ExtractContract.CpVisits), CpPlansCurrent, "2019-20 Q2");

        AssertNotAvailable(sut);
        Assert.Equal("ssd_cp_plans not supplied", sut.Reason);
    }

    [Fact]
    public void DatasetSuppliedButNeverWithRows_IsNotAvailableNotZero()
    {
        var data = Supplying(ExtractContract.EhcpRequests, ExtractContract.EhcpAssessments, ExtractContract.EhcpNamedPlans) with
        {
            EmptyDatasets = new HashSet<string>(StringComparer.Ordinal) { "ssd_ehcp_assessment", "ssd_ehcp_named_plan", "ssd_ehcp_requests" },
        };

        var sut = Measure(data, EhcpIssuedWithin20WeeksPct, "2019-20 Q2");

        AssertNotAvailable(sut);
        Assert.Equal("ssd_ehcp_named_plan supplied with no rows", sut.Reason);
    }

    [Fact]
    public void DatasetThatHeldRowsAndIsNowEmpty_IsMeasuredAsZero()
    {
        var sut = Measure(Supplying(ExtractContract.CpPlans), CpPlansCurrent, "2019-20 Q2");

        AssertValue(sut, 0, null, 0);
        Assert.Null(sut.Reason);
    }

    [Fact]
    public void ReturnInterviewDateNotSupplied_IsNotAvailableNamingTheColumn()
    {
        var data = Supplying(ExtractContract.Missing) with
        {
            MissingEpisodes = [new MissingEpisode("M1", "p1", Day("2019-07-01"), "Missing", Day("2019-07-02"), true, true, null)],
        };

        var sut = Measure(data, MissingRhiOnTimePct, "2019-20 Q2");
        var children = Measure(data, MissingChildren, "2019-20 Q2");

        AssertNotAvailable(sut);
        Assert.Equal("ssd_missing.miss_missing_rhi_date not supplied", sut.Reason);
        AssertValue(children, 1, null, 1);
    }

    [Fact]
    public void EarlyHelpAssessmentDateNotSupplied_AssessmentMeasuresAreNotAvailableReferralsCounted()
    {
        var data = Supplying(ExtractContract.EarlyHelpEpisodes) with
        {
            EarlyHelpEpisodes = [new EarlyHelpEpisode("E1", "p1", Day("2019-07-01"), null, null)],
        };

        Assert.Equal("ssd_early_help_episodes.earl_assessment_completed_date not supplied", Measure(data, EhAssessments, "2019-20 Q2").Reason);
        Assert.Null(Measure(data, EhAssessments, "2019-20 Q2").Value);
        Assert.Null(Measure(data, EhAvgDaysReferralToAssessment, "2019-20 Q2").Value);
        AssertValue(Measure(data, EhReferrals, "2019-20 Q2"), 1, null, 1);
    }

    [Fact]
    public void EmploymentEndDateNotSupplied_TurnoverIsNotAvailableAgencyShareMeasured()
    {
        var data = Supplying(ExtractContract.Professionals) with
        {
            Professionals = [new Professional("w1", false, 1m, true, Day("2015-01-01"), null)],
        };

        var turnover = Measure(data, SwTurnover12MPct, "2019-20 Q2");

        AssertNotAvailable(turnover);
        Assert.Equal("ssd_professionals.prof_employment_end_date not supplied", turnover.Reason);
        AssertValue(Measure(data, SwAgencyPct, "2019-20 Q2"), 0, 1m, 0);
    }

    [Fact]
    public void AgencyFlagNullInEveryRow_BothWorkforceMeasuresAreNotAvailableNamingIt()
    {
        var data = Supplying(ExtractContract.Professionals) with
        {
            Professionals =
            [
                new Professional("w1", null, 1m, true, Day("2015-01-01"), Day("2019-08-01")),
                new Professional("w2", null, 0.5m, true, Day("2016-01-01"), null),
            ],
        };

        var turnover = Measure(data, SwTurnover12MPct, "2019-20 Q2");
        var agency = Measure(data, SwAgencyPct, "2019-20 Q2");

        AssertNotAvailable(turnover);
        AssertNotAvailable(agency);
        Assert.Equal("ssd_professionals.prof_agency_worker_flag not supplied", agency.Reason);
        Assert.Equal("ssd_professionals.prof_agency_worker_flag not supplied", turnover.Reason);
    }

    [Fact]
    public void SsdProfessionalsWithoutExtensions_NameEveryColumnNotSupplied()
    {
        var data = Supplying(ExtractContract.Professionals) with
        {
            Professionals = [new Professional("w1", null, null, null, null, null)],
        };

        Assert.Equal(
            "ssd_professionals.prof_qualified_social_worker, ssd_professionals.prof_employment_start_date, " +
            "ssd_professionals.prof_full_time_equivalency, ssd_professionals.prof_agency_worker_flag not supplied",
            Measure(data, SwAgencyPct, "2019-20 Q2").Reason);
    }

    [Fact]
    public void EducatedInBoroughNotSupplied_EhcpCaseloadsAreNotAvailableNotZero()
    {
        var data = Supplying() with
        {
            EhcpActivePlanSnapshots = [new(Day("2019-10-01"), [new EhcpActivePlan("A1", "R1", null, null), new EhcpActivePlan("A2", "R2", null, null)])],
        };

        var inBorough = Measure(data, EhcpCurrentInBorough, "2019-20 Q2");

        AssertNotAvailable(inBorough);
        Assert.Equal("ssd_ehcp_active_plans.ehcp_educated_in_borough not supplied", inBorough.Reason);
        AssertNotAvailable(Measure(data, EhcpCurrentOutOfBorough, "2019-20 Q2"));
    }

    [Fact]
    public void EducatedInBoroughSupplied_RowsWithoutItAreInNeitherCount()
    {
        var data = Supplying() with
        {
            EhcpActivePlanSnapshots = [new(Day("2019-10-01"), [new EhcpActivePlan("A1", null, null, true), new EhcpActivePlan("A2", null, null, null)])],
        };

        AssertValue(Measure(data, EhcpCurrentInBorough, "2019-20 Q2"), 1, null, 1);
        AssertValue(Measure(data, EhcpCurrentOutOfBorough, "2019-20 Q2"), 0, null, 0);
    }
}
