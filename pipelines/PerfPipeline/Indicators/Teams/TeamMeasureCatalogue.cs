namespace PerfPipeline.Indicators.Teams;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>
/// Which measures are split by team, and how a row finds its team; the others stay LA-only, each with the reason.
/// One place for these facts: the engine, the JSON, the pages and docs/teams.md follow it.
/// </summary>
public static class TeamMeasureCatalogue
{
    private const string ReferralTeam = "each referral counts for its referral team (cine_referral_team)";
    private const string AssessmentTeam = "each assessment counts for its assessment team (cina_assessment_team)";
    private const string TeamAtPeriodEnd = "each child counts for the team of their allocated worker on the period's last day (ssd_involvements)";
    private const string TeamOnVisitDate = "each visit counts for the team holding the child's case on the visit date (ssd_involvements)";

    /// <summary>The measures split by team, in catalogue order, with how a row is given its team.</summary>
    public static IReadOnlyDictionary<string, string> ByTeam { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [CscReferrals] = ReferralTeam,
        [CscRereferrals12MPct] = ReferralTeam,
        [CscAssessments45WdPct] = AssessmentTeam,
        [CpPlansCurrent] = TeamAtPeriodEnd,
        [CpRepeatPlan2YPct] = TeamAtPeriodEnd + " (children starting a plan)",
        [CpVisitsInTimescalePct] = TeamOnVisitDate,
        [CicCurrent] = TeamAtPeriodEnd,
        [CicVisitsInTimescalePct] = TeamOnVisitDate,
        [CicMultipleSocialWorkers12MPct] = TeamAtPeriodEnd,
    };

    /// <summary>The measures that stay LA-only, with why.</summary>
    public static IReadOnlyDictionary<string, string> LaOnly { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [EhcpCurrentInBorough] = "EHC plans: the contract gives no team",
        [EhcpCurrentOutOfBorough] = "EHC plans: the contract gives no team",
        [EhcpIssuedWithin20WeeksPct] = "EHC plans: the contract gives no team",
        [EhReferrals] = "Early Help: the contract gives no team",
        [EhAssessments] = "Early Help: the contract gives no team",
        [EhAvgDaysReferralToAssessment] = "Early Help: the contract gives no team",
        [CpRatePer10K] = "a rate per 10,000 children of the LA's population, which has no teams",
        [CicRatePer10K] = "a rate per 10,000 children of the LA's population, which has no teams",
        [ClInTouchPct] = "care leavers: the contract gives no team",
        [ClNeet18To24Pct] = "care leavers: the contract gives no team",
        [ClSuitableAccommodationPct] = "care leavers: the contract gives no team",
        [MissingChildren] = "missing children: the contract gives no team",
        [MissingRhiOnTimePct] = "missing children: the contract gives no team",
        [CmeCurrent] = "children missing education: the contract gives no team",
        [SwTurnover12MPct] = "workforce: the contract gives no team",
        [SwAgencyPct] = "workforce: the contract gives no team",
    };

    public static bool IsByTeam(string indicatorCode) => ByTeam.ContainsKey(indicatorCode);
}
