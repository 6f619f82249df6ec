namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>
/// Due dates against the visit rules and timescales of docs/spec/indicators.md, with weekends and England and
/// Wales bank holidays (Summer bank holiday 2019-08-26; Christmas 2019-12-25/26; New Year 2020-01-01).
/// </summary>
public sealed class WorkListBuilderTests
{
    private static readonly HashSet<string> AllSupplied = [.. ExtractContract.Datasets.Select(d => d.Name)];

    [Fact]
    public void CpVisit_TenWorkingDaysAfterTheLastVisit_SkipsTheWeekendsAndTheSummerBankHoliday()
    {
        // Last visit Thu 15 Aug 2019: working days 16, 19-23, (26 is a bank holiday) 27-30 → the 10th is Fri 30 Aug.
        var data = Data(cpPlans: [new CpPlan("P1", "child", new(2019, 6, 3), null, null)], cpVisits: [
            new CpVisit("V1", "child", "P1", new(2019, 7, 30), true),
            new CpVisit("V2", "child", "P1", new(2019, 8, 15), true),
        ]);

        var item = Single(data, new(2019, 9, 2), WorkItemKind.CpVisit);

        Assert.Equal(new DateOnly(2019, 8, 15), item.CountedFrom);
        Assert.Equal(new DateOnly(2019, 8, 30), item.DueDate);
        Assert.Equal(3, item.DaysOverdue);
    }

    [Fact]
    public void CpVisit_NoVisitYet_CountsFromThePlanStartAndIsListedOnlyWithinSevenDaysOfDue()
    {
        // Plan starts Fri 13 Dec 2019: 16-20, 23, 24, (25, 26 holidays) 27, 30, 31 → due Tue 31 Dec.
        var data = Data(cpPlans: [new CpPlan("P1", "child", new(2019, 12, 13), null, null)]);

        Assert.Equal(new DateOnly(2019, 12, 31), Single(data, new(2019, 12, 24), WorkItemKind.CpVisit).DueDate);
        Assert.Equal(-7, Single(data, new(2019, 12, 24), WorkItemKind.CpVisit).DaysOverdue);
        Assert.DoesNotContain(Build(data, new(2019, 12, 23)).Items, i => i.Kind == WorkItemKind.CpVisit);
    }

    [Fact]
    public void CpVisit_PlanEndedOrVisitAfterTheAsAtDate_IsNotCountedOrListed()
    {
        var data = Data(
            cpPlans: [new CpPlan("P1", "child", new(2019, 6, 3), new(2019, 8, 1), null), new CpPlan("P2", "other", new(2019, 6, 3), null, null)],
            cpVisits: [new CpVisit("V1", "other", "P2", new(2019, 8, 15), true), new CpVisit("V2", "other", "P2", new(2019, 9, 3), true)]);

        var item = Single(data, new(2019, 9, 2), WorkItemKind.CpVisit);

        Assert.Equal("P2", item.ItemId);
        Assert.Equal(new DateOnly(2019, 8, 15), item.CountedFrom);
    }

    [Fact]
    public void CicVisit_FirstSevenDaysAfterTheStart_ThenFortyTwoDaysAfterTheLastVisit()
    {
        var first = Data(careEpisodes: [new CareEpisode("E1", "child", "C1", new(2019, 12, 20), null)]);
        var later = Data(
            careEpisodes: [new CareEpisode("E1", "child", "C1", new(2019, 12, 20), null)],
            careVisits: [new CareVisit("V1", "child", "C1", new(2019, 12, 23), true)]);

        Assert.Equal(new DateOnly(2019, 12, 27), Single(first, new(2019, 12, 30), WorkItemKind.CicVisit).DueDate);
        Assert.Equal(3, Single(first, new(2019, 12, 30), WorkItemKind.CicVisit).DaysOverdue);
        Assert.Equal(new DateOnly(2020, 2, 3), Single(later, new(2020, 1, 27), WorkItemKind.CicVisit).DueDate);
        Assert.DoesNotContain(Build(later, new(2020, 1, 26)).Items, i => i.Kind == WorkItemKind.CicVisit);
    }

    [Fact]
    public void Assessment_ListedAfterWorkingDay35_DueOnWorkingDay45_OverChristmasAndNewYear()
    {
        // Started Wed 20 Nov 2019; with 25, 26 Dec and 1 Jan not working days, day 35 is Mon 13 Jan and day 45 Mon 27 Jan.
        var data = Data(assessments: [new Assessment("A1", "child", null, new(2019, 11, 20), null, "Assessment Team B")]);

        Assert.DoesNotContain(Build(data, new(2020, 1, 13)).Items, i => i.Kind == WorkItemKind.Assessment);
        var item = Single(data, new(2020, 1, 14), WorkItemKind.Assessment);
        Assert.Equal(new DateOnly(2020, 1, 27), item.DueDate);
        Assert.Equal(-13, item.DaysOverdue);
        Assert.Equal("Assessment Team B", item.TeamKey);
        Assert.Equal(3, Single(data, new(2020, 1, 30), WorkItemKind.Assessment).DaysOverdue);
    }

    [Fact]
    public void Assessment_AuthorisedByTheAsAtDate_IsNotListed()
    {
        var data = Data(assessments: [new Assessment("A1", "child", null, new(2019, 11, 1), new(2020, 1, 10), null)]);

        Assert.DoesNotContain(Build(data, new(2020, 1, 10)).Items, i => i.Kind == WorkItemKind.Assessment);
        Assert.Equal(new DateOnly(2020, 1, 8), Single(data, new(2020, 1, 9), WorkItemKind.Assessment).DueDate);
    }

    [Fact]
    public void CpPlan_ListedFrom28DaysBeforeEighteenMonths()
    {
        var data = Data(cpPlans: [new CpPlan("P1", "child", new(2018, 7, 31), null, null)]);

        Assert.DoesNotContain(Build(data, new(2020, 1, 2)).Items, i => i.Kind == WorkItemKind.CpPlan18Months);
        var item = Single(data, new(2020, 1, 3), WorkItemKind.CpPlan18Months);
        Assert.Equal(new DateOnly(2020, 1, 31), item.DueDate);
        Assert.Equal(-28, item.DaysOverdue);
    }

    [Fact]
    public void ReturnHomeInterview_DueThreeCalendarDaysAfterTheReturn_UntilHeldOrDeclined()
    {
        var data = Data(missing: [
            new MissingEpisode("M1", "child", new(2019, 12, 19), "Missing", new(2019, 12, 20), true, null, null),
            new MissingEpisode("M2", "child", new(2019, 12, 10), "Missing", new(2019, 12, 11), true, true, new(2019, 12, 12)),
            new MissingEpisode("M3", "child", new(2019, 12, 10), "Missing", new(2019, 12, 11), true, false, null),
            new MissingEpisode("M4", "child", new(2019, 12, 10), "Absent", new(2019, 12, 11), null, null, null),
        ]);

        var item = Single(data, new(2019, 12, 27), WorkItemKind.ReturnHomeInterview);

        Assert.Equal("M1", item.ItemId);
        Assert.Equal(new DateOnly(2019, 12, 23), item.DueDate);
        Assert.Equal(4, item.DaysOverdue);
    }

    [Fact]
    public void Items_CarryTheTeamAndWorkerHoldingTheCaseOnTheAsAtDate_OrNoTeamRecorded()
    {
        var data = Data(
            cpPlans: [new CpPlan("P1", "child", new(2019, 6, 3), null, null), new CpPlan("P2", "other", new(2019, 6, 3), null, null)],
            involvements: [
                new Involvement("I1", "child", "worker-a", "Social Worker", "CP Team 1", new(2019, 6, 1), new(2019, 8, 1)),
                new Involvement("I2", "child", "worker-b", "Social Worker", "CP Team 2", new(2019, 8, 1), null),
            ]);

        var items = Build(data, new(2019, 9, 2)).Items.Where(i => i.Kind == WorkItemKind.CpVisit).ToDictionary(i => i.ItemId);

        Assert.Equal(("CP Team 2", "worker-b"), (items["P1"].TeamKey, items["P1"].WorkerKey));
        Assert.Equal((TeamKeys.NoTeamRecorded, (string?)null), (items["P2"].TeamKey, items["P2"].WorkerKey));
        Assert.Single(Build(data, new(2019, 9, 2)).ForTeam("CP Team 2").Items, i => i.Kind == WorkItemKind.CpVisit);
    }

    private static WorkList Build(LaCaseData data, DateOnly asAt) => new WorkListBuilder().Build(data, asAt);

    private static WorkItem Single(LaCaseData data, DateOnly asAt, WorkItemKind kind) => Assert.Single(Build(data, asAt).Items, i => i.Kind == kind);

    private static LaCaseData Data(
        IReadOnlyList<CpPlan>? cpPlans = null, IReadOnlyList<CpVisit>? cpVisits = null, IReadOnlyList<CareEpisode>? careEpisodes = null,
        IReadOnlyList<CareVisit>? careVisits = null, IReadOnlyList<Assessment>? assessments = null, IReadOnlyList<MissingEpisode>? missing = null,
        IReadOnlyList<Involvement>? involvements = null) => new()
        {
            LaCode = "999",
            SuppliedDatasets = AllSupplied,
            CpPlans = cpPlans ?? [],
            CpVisits = cpVisits ?? [],
            CareEpisodes = careEpisodes ?? [],
            CareVisits = careVisits ?? [],
            Assessments = assessments ?? [],
            MissingEpisodes = missing ?? [],
            Involvements = involvements ?? [],
        };
}
