namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>Child protection visits every few working days through each plan (siblings seen together), tuned to the targets.</summary>
internal sealed class CpVisitBuilder(GenerationContext context, IReadOnlyList<CpPlanDraft> plans)
{
    public void Build()
    {
        var calendar = context.Calendar;
        var timescale = new VisitTimescale(calendar.WorkingDaysBetween, 10, 10);
        var pattern = new VisitPattern(context, timescale, context.Profile.CpVisitsInTimescalePct)
        {
            FirstOnTime = (1, 10),
            FirstLate = (11, 14),
            OnTime = (5, 10),
            Late = (11, 16),
            Advance = (date, days) => calendar.AddWorkingDays(calendar.OnOrAfter(date), days),
        };
        var schedules = new List<VisitSchedule>(plans.Count);
        foreach (var plan in plans)
        {
            var schedule = new VisitSchedule(plan.Start, plan.End, plan.Children.Count);
            pattern.Fill(schedule);
            schedules.Add(schedule);
        }

        new VisitTimelinessTuner(context, schedules, timescale).MeetTargets(context.Profile.CpVisitsInTimescalePct);
        var random = context.Random;
        for (var p = 0; p < plans.Count; p++)
        {
            var plan = plans[p];
            foreach (var date in schedules[p].Visits)
            {
                for (var c = 0; c < plan.Children.Count; c++)
                {
                    context.World.CpVisits.Add(new CpVisit(
                        context.NextId("CPV", 800_001), plan.Children[c].PersonKey, plan.PlanIds[c], date, random.Chance(0.96)));
                }
            }
        }
    }
}
