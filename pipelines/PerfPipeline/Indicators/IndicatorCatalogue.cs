namespace PerfPipeline.Indicators;

using static IndicatorCodes;
using static IndicatorKind;
using static IndicatorPolarity;
using static IndicatorUnit;

/// <summary>
/// The single source of truth for the measures: the 23 of the published dashboard in its order
/// (<c>seeds/reference/seed-dashboard.csv</c>), with the two rates per 10,000 children placed last in their
/// item (child protection, children in care). Counts display whole numbers; everything else one decimal.
/// </summary>
public static class IndicatorCatalogue
{
    public static readonly DashboardItem EhcpItem = new(1, "Education, Health & Care Plans");
    public static readonly DashboardItem EarlyHelpItem = new(2, "Early Help");
    public static readonly DashboardItem FrontDoorItem = new(3, "Children's Social Care Front Door");
    public static readonly DashboardItem ChildProtectionItem = new(4, "Child Protection");
    public static readonly DashboardItem ChildrenInCareItem = new(5, "Children in Care");
    public static readonly DashboardItem CareLeaversItem = new(6, "Care Leavers");
    public static readonly DashboardItem MissingItem = new(7, "Children Missing from Home/Care");
    public static readonly DashboardItem WorkforceItem = new(8, "Children's Services Workforce");

    /// <summary>Every measure in dashboard order.</summary>
    public static readonly IReadOnlyList<IndicatorDefinition> All = Number(
    [
        Define(EhcpCurrentInBorough, "Current EHCPs in borough (snapshot at end of period)", EhcpItem, Count, Neutral, Snapshot),
        Define(EhcpCurrentOutOfBorough, "Current EHCPs out of borough (snapshot at end of period)", EhcpItem, Count, Neutral, Snapshot),
        Define(EhcpIssuedWithin20WeeksPct, "EHCPs issued within 20 weeks of the referral", EhcpItem, Percent, HigherIsBetter, Flow),
        Define(EhReferrals, "No. of referrals to Early Help", EarlyHelpItem, Count, Neutral, Flow),
        Define(EhAssessments, "No. Early Help Assessments", EarlyHelpItem, Count, Neutral, Flow),
        Define(EhAvgDaysReferralToAssessment, "Avg. length of time in days between referral and assessment completion", EarlyHelpItem, Days, LowerIsBetter, Flow),
        Define(CscReferrals, "No. of referrals to CSC", FrontDoorItem, Count, Neutral, Flow),
        Define(CscRereferrals12MPct, "% of referrals to CSC which are repeat referrals within 12 months", FrontDoorItem, Percent, LowerIsBetter, Flow),
        Define(CscAssessments45WdPct, "% assessments completed within 45 working days", FrontDoorItem, Percent, HigherIsBetter, Flow),
        Define(CpPlansCurrent, "Children subject to CP Plans (snapshot at end of period)", ChildProtectionItem, Count, Neutral, Snapshot),
        Define(CpRepeatPlan2YPct, "% of children starting a plan who had a previous one in the last 2 years", ChildProtectionItem, Percent, LowerIsBetter, Flow),
        Define(CpVisitsInTimescalePct, "% of child protection visits within timescale", ChildProtectionItem, Percent, HigherIsBetter, Flow),
        Define(CpRatePer10K, "Children subject to CP Plans per 10,000 children aged 0-17 (snapshot at end of period)", ChildProtectionItem, RatePer10K, Neutral, Snapshot),
        Define(CicCurrent, "No. children in care (snapshot at end of period)", ChildrenInCareItem, Count, Neutral, Snapshot),
        Define(CicVisitsInTimescalePct, "% visits to children in care within timescale", ChildrenInCareItem, Percent, HigherIsBetter, Flow),
        Define(CicMultipleSocialWorkers12MPct, "% children in care who have more than 1 allocated social worker in 12m (snapshot at end of period)", ChildrenInCareItem, Percent, LowerIsBetter, Snapshot),
        Define(CicRatePer10K, "Children in care per 10,000 children aged 0-17 (snapshot at end of period)", ChildrenInCareItem, RatePer10K, Neutral, Snapshot),
        Define(ClInTouchPct, "% of care leavers 'in touch' (snapshot at end of period)", CareLeaversItem, Percent, HigherIsBetter, Snapshot),
        Define(ClNeet18To24Pct, "% of care leavers aged 18-24 who are NEET (snapshot at end of period)", CareLeaversItem, Percent, LowerIsBetter, Snapshot),
        Define(ClSuitableAccommodationPct, "% of care leavers in suitable accommodation (snapshot at end of period)", CareLeaversItem, Percent, HigherIsBetter, Snapshot),
        Define(MissingChildren, "Children missing from home/care", MissingItem, Count, Neutral, Flow),
        Define(MissingRhiOnTimePct, "% return home interviews carried out on time", MissingItem, Percent, HigherIsBetter, Flow),
        Define(CmeCurrent, "Children missing from education (snapshot at end of period)", MissingItem, Count, Neutral, Snapshot),
        Define(SwTurnover12MPct, "12 months rolling turnover of qualified social workers", WorkforceItem, Percent, LowerIsBetter, Rolling),
        Define(SwAgencyPct, "% agency staff across qualified social work workforce (snapshot at end of period)", WorkforceItem, Percent, LowerIsBetter, Snapshot),
    ]);

    private static readonly Dictionary<string, IndicatorDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The dashboard items in order.</summary>
    public static IReadOnlyList<DashboardItem> Items { get; } = [.. All.Select(d => d.Item).Distinct()];

    public static IndicatorDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    public static IndicatorDefinition Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException($"'{code}' is not an indicator of the catalogue.");

    private static IndicatorDefinition Define(
        string code, string label, DashboardItem item, IndicatorUnit unit, IndicatorPolarity polarity, IndicatorKind kind) =>
        new(code, label, item, unit, polarity, unit == Count ? 0 : 1, kind);

    private static IndicatorDefinition[] Number(IndicatorDefinition[] definitions) =>
        [.. definitions.Select((d, i) => d with { SortOrder = i + 1 })];
}
