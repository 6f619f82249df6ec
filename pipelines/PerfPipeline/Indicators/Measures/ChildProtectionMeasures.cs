namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 4: child protection plans, repeat plans, visits and the rate per 10,000 children.</summary>
internal static class ChildProtectionMeasures
{
    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] plans = [ExtractContract.CpPlans];
        yield return (CpPlansCurrent, context.WhenSupplied(plans, () =>
        {
            var open = OnPlan(context);
            return new PeriodEndMeasure(d => Measurement.Count(open.CountOpenAt(d)));
        }));
        yield return (CpRepeatPlan2YPct, context.WhenSupplied(plans, () => RepeatPlans(context)));
        yield return (CpVisitsInTimescalePct, context.WhenSupplied([ExtractContract.CpPlans, ExtractContract.CpVisits], () => Visits(context)));
        yield return (CpRatePer10K, context.WhenSupplied(plans, () =>
        {
            var open = OnPlan(context);
            return new PeriodEndMeasure(d => context.RatePer10K(open.CountOpenAt(d), d));
        }));
    }

    /// <summary>Each child's plans merged into the ranges they were on a plan.</summary>
    public static OpenIntervals OnPlan(MeasureContext context) => context.Shared(nameof(OnPlan), static c => OpenIntervals.Create(
        c.Data.CpPlans, c.Persons, static p => p.PersonKey, static p => p.PlanStartDate, static p => p.PlanEndDate));

    /// <summary>
    /// Distinct persons starting a plan in the period, by their first start in it; a repeat when an earlier
    /// plan of theirs (started before this one) ended in start − 2 years .. start, both inclusive.
    /// </summary>
    public static DistinctPersonFlow RepeatPlans(MeasureContext context) => context.Shared(nameof(RepeatPlans), FlagRepeatPlans);

    private static DistinctPersonFlow FlagRepeatPlans(MeasureContext context)
    {
        var byPerson = context.Data.CpPlans.GroupBy(p => p.PersonKey, StringComparer.Ordinal);
        var starts = new List<(CpPlan Plan, bool Repeat)>(context.Data.CpPlans.Count);
        foreach (var plans in byPerson)
        {
            foreach (var plan in plans)
            {
                var windowStart = plan.PlanStartDate.AddMonths(-24);
                var repeat = plans.Any(earlier => earlier.PlanStartDate < plan.PlanStartDate
                    && earlier.PlanEndDate is { } end && end >= windowStart && end <= plan.PlanStartDate);
                starts.Add((plan, repeat));
            }
        }

        return DistinctPersonFlow.Create(
            starts, context.Persons, static s => s.Plan.PlanStartDate, static s => s.Plan.PersonKey, static s => s.Repeat,
            FlowStatistic.Percent);
    }

    /// <summary>
    /// Visits dated within their plan (others are left out and are nobody's previous visit); in timescale
    /// when within the setting's working days of the previous visit in the plan, or of the plan start.
    /// </summary>
    private static FlowSeries Visits(MeasureContext context) => JudgedVisit.Flow(JudgedVisits(context));

    public static JudgedVisit[] JudgedVisits(MeasureContext context) =>
        context.Shared($"{nameof(ChildProtectionMeasures)}.{nameof(JudgedVisits)}", JudgeVisits);

    private static JudgedVisit[] JudgeVisits(MeasureContext context)
    {
        // A visit finds its plan (the first of its id) with one look-up, and the plan's number is its container.
        var plans = context.Data.CpPlans;
        var planNumbers = new Dictionary<string, int>(plans.Count, StringComparer.Ordinal);
        for (var p = 0; p < plans.Count; p++)
        {
            planNumbers.TryAdd(plans[p].CpPlanId, p);
        }

        var persons = new VisitPersons(context.Persons, plans.Count);
        var visits = new List<TimedVisit>(context.Data.CpVisits.Count);
        foreach (var v in context.Data.CpVisits)
        {
            if (planNumbers.TryGetValue(v.CpPlanId, out var p)
                && plans[p] is var plan && DateSpan.Covers(plan.PlanStartDate, plan.PlanEndDate, v.VisitDate))
            {
                visits.Add(new TimedVisit(p, v.VisitDate, v.CpVisitId, persons.Of(v.PersonKey, p, plan.PersonKey)));
            }
        }

        var limit = context.Settings.CpVisitWorkingDays;
        var calendar = context.Calendar;
        return TimedVisit.Judge(
            visits,
            (visit, previous) => calendar.WorkingDaysBetween(previous ?? plans[visit.Container].PlanStartDate, visit.Date) <= limit);
    }
}
