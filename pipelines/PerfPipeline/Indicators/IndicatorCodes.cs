namespace PerfPipeline.Indicators;

/// <summary>The measure codes of docs/spec/indicators.md.</summary>
public static class IndicatorCodes
{
    public const string EhcpCurrentInBorough = "EHCP_CURRENT_IN_BOROUGH";
    public const string EhcpCurrentOutOfBorough = "EHCP_CURRENT_OUT_OF_BOROUGH";
    public const string EhcpIssuedWithin20WeeksPct = "EHCP_ISSUED_WITHIN_20_WEEKS_PCT";
    public const string EhReferrals = "EH_REFERRALS";
    public const string EhAssessments = "EH_ASSESSMENTS";
    public const string EhAvgDaysReferralToAssessment = "EH_AVG_DAYS_REFERRAL_TO_ASSESSMENT";
    public const string CscReferrals = "CSC_REFERRALS";
    public const string CscRereferrals12MPct = "CSC_REREFERRALS_12M_PCT";
    public const string CscAssessments45WdPct = "CSC_ASSESSMENTS_45WD_PCT";
    public const string CpPlansCurrent = "CP_PLANS_CURRENT";
    public const string CpRepeatPlan2YPct = "CP_REPEAT_PLAN_2Y_PCT";
    public const string CpVisitsInTimescalePct = "CP_VISITS_IN_TIMESCALE_PCT";
    public const string CpRatePer10K = "CP_RATE_PER_10K";
    public const string CicCurrent = "CIC_CURRENT";
    public const string CicVisitsInTimescalePct = "CIC_VISITS_IN_TIMESCALE_PCT";
    public const string CicMultipleSocialWorkers12MPct = "CIC_MULTIPLE_SOCIAL_WORKERS_12M_PCT";
    public const string CicRatePer10K = "CIC_RATE_PER_10K";
    public const string ClInTouchPct = "CL_IN_TOUCH_PCT";
    public const string ClNeet18To24Pct = "CL_NEET_18_24_PCT";
    public const string ClSuitableAccommodationPct = "CL_SUITABLE_ACCOMMODATION_PCT";
    public const string MissingChildren = "MISSING_CHILDREN";
    public const string MissingRhiOnTimePct = "MISSING_RHI_ON_TIME_PCT";
    public const string CmeCurrent = "CME_CURRENT";
    public const string SwTurnover12MPct = "SW_TURNOVER_12M_PCT";
    public const string SwAgencyPct = "SW_AGENCY_PCT";
}
