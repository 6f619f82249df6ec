namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 3: children's social care referrals, re-referrals and assessments in 45 working days.</summary>
internal static class FrontDoorMeasures
{
    private const int AssessmentWorkingDays = 45;

    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] referrals = [ExtractContract.CinEpisodes];
        yield return (CscReferrals, context.WhenSupplied(referrals, () => FlowSeries.Count(context.Data.Referrals, static r => r.ReferralDate)));
        yield return (CscRereferrals12MPct, context.WhenSupplied(referrals, () => Rereferrals(context)));
        yield return (CscAssessments45WdPct, context.WhenSupplied([ExtractContract.CinAssessments], () => FlowSeries.Create(
            context.Data.Assessments, static a => a.AssessmentAuthDate, a => InTime(context, a) ? 1 : 0, FlowStatistic.Percent)));
    }

    /// <summary>An authorised assessment is in time when authorised within 45 working days of its start.</summary>
    public static bool InTime(MeasureContext context, Assessment assessment) =>
        context.Calendar.WorkingDaysBetween(assessment.AssessmentStartDate, assessment.AssessmentAuthDate!.Value) <= AssessmentWorkingDays;

    private static FlowSeries Rereferrals(MeasureContext context) =>
        FlowSeries.Create(RereferralFlags(context), static r => r.Date, static r => r.Repeat ? 1 : 0, FlowStatistic.Percent);

    /// <summary>
    /// A referral is a re-referral when the same person has another referral dated in
    /// referral date − 12 months .. referral date − 1 day: that is, their latest earlier-dated referral is
    /// on or after the date 12 calendar months back.
    /// </summary>
    public static (DateOnly Date, bool Repeat, Referral Referral)[] RereferralFlags(MeasureContext context) =>
        context.Shared(nameof(RereferralFlags), FlagRereferrals);

    private static (DateOnly Date, bool Repeat, Referral Referral)[] FlagRereferrals(MeasureContext context)
    {
        // Sorted by person, then date, as one 64-bit key each.
        var referrals = context.Data.Referrals;
        var persons = context.ReferralPersons;
        var ordered = new long[referrals.Count];
        var rows = new int[referrals.Count];
        for (var i = 0; i < referrals.Count; i++)
        {
            ordered[i] = DayKeyOrder.Key(persons[i], referrals[i].ReferralDate);
            rows[i] = i;
        }

        Array.Sort(ordered, rows);
        var flagged = new (DateOnly Date, bool Repeat, Referral Referral)[ordered.Length];
        int? earlierDay = null;
        for (var i = 0; i < ordered.Length; i++)
        {
            var (person, day) = (ordered[i] >> 32, (int)(uint)ordered[i]);
            if (i == 0 || ordered[i - 1] >> 32 != person)
            {
                earlierDay = null;
            }
            else if ((int)(uint)ordered[i - 1] < day)
            {
                earlierDay = (int)(uint)ordered[i - 1];
            }

            var date = DateOnly.FromDayNumber(day);
            flagged[i] = (date, earlierDay >= date.AddMonths(-12).DayNumber, referrals[rows[i]]);
        }

        return flagged;
    }
}
