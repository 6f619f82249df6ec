namespace PerfPipeline.Indicators;

using PerfPipeline.CaseData;

/// <summary>
/// The dates a LA's case data touches: the dates its measures count by (referrals, assessments, plan and
/// episode starts and ends, visits, missing and early help episodes, plans issued, leavers) and snapshot
/// as-at dates. Dates of birth and employment or involvement starts are not events and do not stretch it.
/// </summary>
internal readonly record struct DataSpan(DateOnly Earliest, DateOnly Latest)
{
    public static DataSpan? Of(LaCaseData data)
    {
        var span = new Accumulator();
        foreach (var referral in data.Referrals)
        {
            span.Add(referral.ReferralDate);
        }

        foreach (var assessment in data.Assessments)
        {
            span.Add(assessment.AssessmentAuthDate ?? assessment.AssessmentStartDate);
        }

        foreach (var plan in data.CpPlans)
        {
            span.Add(plan.PlanStartDate, plan.PlanEndDate);
        }

        foreach (var visit in data.CpVisits)
        {
            span.Add(visit.VisitDate);
        }

        foreach (var episode in data.CareEpisodes)
        {
            span.Add(episode.EpisodeStartDate, episode.EpisodeCeasedDate);
        }

        foreach (var visit in data.CareVisits)
        {
            span.Add(visit.VisitDate);
        }

        foreach (var episode in data.MissingEpisodes)
        {
            span.Add(episode.EpisodeStartDate, episode.EpisodeEndDate);
        }

        foreach (var episode in data.EarlyHelpEpisodes)
        {
            span.Add(episode.EpisodeStartDate, episode.AssessmentCompletedDate);
        }

        foreach (var plan in data.EhcpNamedPlans)
        {
            span.Add(plan.PlanStartDate);
        }

        foreach (var professional in data.Professionals)
        {
            span.Add(professional.EmploymentEndDate);
        }

        span.AddSnapshots(data.CareLeaverSnapshots);
        span.AddSnapshots(data.EhcpActivePlanSnapshots);
        span.AddSnapshots(data.MissingEducationSnapshots);
        return span.Result;
    }

    private sealed class Accumulator
    {
        private int _earliest = int.MaxValue;
        private int _latest = int.MinValue;

        public DataSpan? Result => _earliest <= _latest
            ? new DataSpan(DateOnly.FromDayNumber(_earliest), DateOnly.FromDayNumber(_latest))
            : null;

        public void Add(DateOnly? date)
        {
            if (date is { } day)
            {
                _earliest = Math.Min(_earliest, day.DayNumber);
                _latest = Math.Max(_latest, day.DayNumber);
            }
        }

        public void Add(DateOnly start, DateOnly? end)
        {
            Add(start);
            Add(end);
        }

        public void AddSnapshots<T>(IReadOnlyList<Snapshot<T>> snapshots)
        {
            foreach (var snapshot in snapshots)
            {
                Add(snapshot.AsAt);
            }
        }
    }
}
