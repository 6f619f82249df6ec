namespace PerfPipeline.Indicators;

using PerfPipeline.CaseData;

/// <summary>
/// The dates a LA's case data touches: the dates its measures count by (referrals, assessments, plan and
/// episode starts, visits, missing and early help episodes, plans issued, leavers) and snapshot as-at dates.
/// Dates of birth and employment or involvement starts are not events and do not stretch the span.
/// </summary>
internal readonly record struct DataSpan(DateOnly Earliest, DateOnly Latest)
{
    public static DataSpan? Of(LaCaseData data)
    {
        var dates = data.Referrals.Select(r => r.ReferralDate)
            .Concat(data.Assessments.Select(a => a.AssessmentAuthDate ?? a.AssessmentStartDate))
            .Concat(data.CpPlans.SelectMany(p => Both(p.PlanStartDate, p.PlanEndDate)))
            .Concat(data.CpVisits.Select(v => v.VisitDate))
            .Concat(data.CareEpisodes.SelectMany(e => Both(e.EpisodeStartDate, e.EpisodeCeasedDate)))
            .Concat(data.CareVisits.Select(v => v.VisitDate))
            .Concat(data.MissingEpisodes.SelectMany(e => Both(e.EpisodeStartDate, e.EpisodeEndDate)))
            .Concat(data.EarlyHelpEpisodes.SelectMany(e => Both(e.EpisodeStartDate, e.AssessmentCompletedDate)))
            .Concat(data.EhcpNamedPlans.Select(p => p.PlanStartDate))
            .Concat(data.Professionals.Where(p => p.EmploymentEndDate is not null).Select(p => p.EmploymentEndDate!.Value))
            .Concat(data.CareLeaverSnapshots.Select(s => s.AsAt))
            .Concat(data.EhcpActivePlanSnapshots.Select(s => s.AsAt))
            .Concat(data.MissingEducationSnapshots.Select(s => s.AsAt));

        DateOnly? earliest = null, latest = null;
        foreach (var date in dates)
        {
            if (earliest is null || date < earliest)
            {
                earliest = date;
            }

            if (latest is null || date > latest)
            {
                latest = date;
            }
        }

        return earliest is { } first && latest is { } last ? new DataSpan(first, last) : null;
    }

    private static IEnumerable<DateOnly> Both(DateOnly start, DateOnly? end) => end is { } e ? [start, e] : [start];
}
