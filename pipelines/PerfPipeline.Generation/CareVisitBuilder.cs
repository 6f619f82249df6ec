namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>Statutory visits to children in care: the first within a week, then at most six weeks apart; tuned to the targets.</summary>
internal sealed class CareVisitBuilder(GenerationContext context, IReadOnlyList<CarePeriodDraft> periods)
{
    public void Build()
    {
        var timescale = new VisitTimescale((from, to) => to.DayNumber - from.DayNumber, 7, 42);
        var pattern = new VisitPattern(context, timescale, context.Profile.CicVisitsInTimescalePct)
        {
            FirstOnTime = (1, 7),
            FirstLate = (10, 20),
            OnTime = (21, 42),
            Late = (47, 75),
            Advance = (date, days) => date.AddDays(days),
        };
        var ordered = periods.OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        var schedules = new List<VisitSchedule>(ordered.Count);
        foreach (var period in ordered)
        {
            var schedule = new VisitSchedule(period.Start, period.End, 1);
            pattern.Fill(schedule);
            schedules.Add(schedule);
        }

        new VisitTimelinessTuner(context, schedules, timescale).MeetTargets(context.Profile.CicVisitsInTimescalePct);
        for (var p = 0; p < ordered.Count; p++)
        {
            foreach (var date in schedules[p].Visits)
            {
                context.World.CareVisits.Add(new CareVisit(
                    context.NextId("CLV", 950_001), ordered[p].Child.PersonKey, ordered[p].Id, date, context.Random.Chance(0.97)));
            }
        }
    }
}
