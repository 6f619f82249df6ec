namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Teams;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>
/// The measures that have a team (docs/teams.md), each split by team from the same judged events and persons as the
/// LA's figure. A measure whose datasets were never supplied has no team figures, as it has no LA figure.
/// </summary>
internal static class TeamMeasureSet
{
    public static IReadOnlyDictionary<string, ITeamMeasure> Create(MeasureContext context, IReadOnlyList<string> teams)
    {
        var data = context.Data;
        var holders = CaseHolders.Of(context);
        var measures = new Dictionary<string, ITeamMeasure>(StringComparer.Ordinal);
        if (context.IsSupplied(ExtractContract.CinEpisodes))
        {
            measures[CscReferrals] = TeamFlow.Create(
                teams, data.Referrals, static r => r.ReferralDate, static r => TeamKeys.Of(r.ReferralTeam), static _ => 0, FlowStatistic.Count);
            measures[CscRereferrals12MPct] = TeamFlow.Create(
                teams, FrontDoorMeasures.RereferralFlags(context), static r => r.Date, static r => TeamKeys.Of(r.Referral.ReferralTeam),
                static r => r.Repeat ? 1 : 0, FlowStatistic.Percent);
        }

        if (context.IsSupplied(ExtractContract.CinAssessments))
        {
            measures[CscAssessments45WdPct] = TeamFlow.Create(
                teams, data.Assessments, static a => a.AssessmentAuthDate, static a => TeamKeys.Of(a.AssessmentTeam),
                a => FrontDoorMeasures.InTime(context, a) ? 1 : 0, FlowStatistic.Percent);
        }

        if (context.IsSupplied(ExtractContract.CpPlans))
        {
            measures[CpPlansCurrent] = TeamOpenIntervals.Create(teams, ChildProtectionMeasures.OnPlan(context), holders);
            var repeats = ChildProtectionMeasures.RepeatPlans(context);
            measures[CpRepeatPlan2YPct] = new TeamAtPeriodEnd(teams, repeats.CountedIn, holders, FlowStatistic.Percent);
        }

        if (context.IsSupplied(ExtractContract.CpPlans, ExtractContract.CpVisits))
        {
            measures[CpVisitsInTimescalePct] = Visits(teams, ChildProtectionMeasures.JudgedVisits(context), holders);
        }

        if (context.IsSupplied(ExtractContract.ClaEpisodes))
        {
            measures[CicCurrent] = TeamOpenIntervals.Create(teams, ChildrenInCareMeasures.InCare(context), holders);
            if (context.IsSupplied(ExtractContract.Involvements))
            {
                var severalWorkers = ChildrenInCareMeasures.SeveralWorkers(context);
                measures[CicMultipleSocialWorkers12MPct] = new TeamAtPeriodEnd(teams, p => severalWorkers(p.End), holders, FlowStatistic.Percent);
            }
        }

        if (context.IsSupplied(ExtractContract.ClaEpisodes, ExtractContract.ClaVisits))
        {
            measures[CicVisitsInTimescalePct] = Visits(teams, ChildrenInCareMeasures.JudgedVisits(context), holders);
        }

        return measures;
    }

    /// <summary>What a team with no events or children in the period shows: 0 for a count, not available otherwise.</summary>
    public static Measurement Empty(FlowStatistic statistic) => statistic switch
    {
        FlowStatistic.Count => Measurement.Count(0),
        FlowStatistic.Percent => Measurement.Percent(0, 0),
        _ => Measurement.Mean(0, 0),
    };

    // A visit counts for the team holding the child's case on the visit date.
    private static TeamFlow Visits(IReadOnlyList<string> teams, JudgedVisit[] visits, CaseHolders holders) =>
        TeamFlow.Create(
            teams, holders.Teams, visits, static v => v.Day, v => holders.TeamOf(v.Person, v.Day), static v => v.InTimescale ? 1 : 0,
            FlowStatistic.Percent);
}
