namespace PerfPipeline.Reporting;

using PerfPipeline.Indicators;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>
/// How a measure is named inside a sentence: <see cref="Subject"/> follows the figure ("76.3%" + "of assessments
/// were completed within 45 working days"; "419" + "referrals to children's social care"); <see cref="Cases"/>
/// names what the denominator counts ("based on 34 children").
/// </summary>
public sealed record MeasureWording(string Subject, string Cases)
{
    private static readonly Dictionary<string, MeasureWording> ByCode = new(StringComparer.Ordinal)
    {
        [EhcpCurrentInBorough] = new("children and young people with an EHC plan in borough", "plans"),
        [EhcpCurrentOutOfBorough] = new("children and young people with an EHC plan placed out of borough", "plans"),
        [EhcpIssuedWithin20WeeksPct] = new("of new EHC plans were issued within 20 weeks of the referral", "children"),
        [EhReferrals] = new("referrals to Early Help", "referrals"),
        [EhAssessments] = new("Early Help assessments completed", "assessments"),
        [EhAvgDaysReferralToAssessment] = new("days on average from an Early Help referral to the assessment's completion", "assessments"),
        [CscReferrals] = new("referrals to children's social care", "referrals"),
        [CscRereferrals12MPct] = new("of referrals to children's social care were repeat referrals within 12 months", "referrals"),
        [CscAssessments45WdPct] = new("of assessments were completed within 45 working days", "assessments"),
        [CpPlansCurrent] = new("children subject to a child protection plan", "children"),
        [CpRepeatPlan2YPct] = new("of children starting a child protection plan had a previous plan in the last two years", "children"),
        [CpVisitsInTimescalePct] = new("of child protection visits were within timescale", "visits"),
        [CpRatePer10K] = new("children subject to a child protection plan per 10,000 children aged 0-17", "children"),
        [CicCurrent] = new("children in care", "children"),
        [CicVisitsInTimescalePct] = new("of visits to children in care were within timescale", "visits"),
        [CicMultipleSocialWorkers12MPct] = new("of children in care had more than one allocated social worker in 12 months", "children"),
        [CicRatePer10K] = new("children in care per 10,000 children aged 0-17", "children"),
        [ClInTouchPct] = new("of care leavers were in touch", "care leavers"),
        [ClNeet18To24Pct] = new("of care leavers aged 18-24 were not in education, employment or training", "care leavers"),
        [ClSuitableAccommodationPct] = new("of care leavers were in suitable accommodation", "care leavers"),
        [MissingChildren] = new("children missing from home or care", "children"),
        [MissingRhiOnTimePct] = new("of return home interviews were carried out on time", "return home interviews"),
        [CmeCurrent] = new("children missing from education", "children"),
        [SwTurnover12MPct] = new("of qualified social workers (full-time equivalent) left in the 12 months", "full-time-equivalent posts"),
        [SwAgencyPct] = new("of the qualified social work workforce were agency staff", "full-time-equivalent posts"),
    };

    /// <summary>The wording of <paramref name="code"/>; a measure without one reads from its label.</summary>
    public static MeasureWording For(string code, string label, IndicatorUnit unit) =>
        ByCode.GetValueOrDefault(code)
        ?? new(unit == IndicatorUnit.Percent ? $"for \"{label}\"" : $"for \"{label}\"", "cases");
}
