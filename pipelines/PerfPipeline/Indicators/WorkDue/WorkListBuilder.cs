namespace PerfPipeline.Indicators.WorkDue;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Measures;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// Builds the work list from one LA's case data as at a date, by the visit rules and timescales of
/// docs/spec/indicators.md (working days skip weekends and bank holidays). Pure: the caller reads and stores.
/// </summary>
public sealed class WorkListBuilder(IndicatorSettings? settings = null, WorkingDayCalendar? calendar = null, WorkListSettings? list = null)
{
    private static readonly string MissingType = ExtractContract.MissingEpisodeTypes[0];

    private readonly IndicatorSettings _settings = settings ?? IndicatorSettings.Default;
    // The shipped calendar only when the data brings no bank holidays (a warehouse's always does): not built up front.
    private readonly WorkingDayCalendar? _calendar = calendar;
    private readonly WorkListSettings _list = list ?? WorkListSettings.Default;

    /// <summary>The work list as at the data's as-at date (the newest batch's), or its latest date when it has none.</summary>
    public WorkList Build(LaCaseData data) => Build(data, CaseHolders.From(data?.Involvements ?? throw new ArgumentNullException(nameof(data))));

    /// <summary>As <see cref="Build(LaCaseData)"/>, with the case holders the figures by team already built from the data.</summary>
    internal WorkList Build(LaCaseData data, CaseHolders holders)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Build(data, data.AsAt ?? DataSpan.Of(data)?.Latest ?? DateOnly.FromDateTime(DateTime.UnixEpoch), holders);
    }

    /// <summary>
    /// The work list as at <paramref name="asAt"/>, its due dates counted with the data's loaded bank holidays (the
    /// calendar given, or the shipped one, when the data carries none).
    /// </summary>
    public WorkList Build(LaCaseData data, DateOnly asAt) =>
        Build(data, asAt, CaseHolders.From(data?.Involvements ?? throw new ArgumentNullException(nameof(data))));

    private WorkingDayCalendar CalendarInUse => _calendar ?? WorkingDayCalendar.EnglandAndWales;

    private WorkList Build(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        var calendar = WorkingDayCalendar.Of(data.BankHolidays, _calendar);
        return (ReferenceEquals(calendar, _calendar) ? this : new WorkListBuilder(_settings, calendar, _list)).BuildWithCalendar(data, asAt, holders);
    }

    private WorkList BuildWithCalendar(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        var items = new List<WorkItem>();
        items.AddRange(CpVisits(data, asAt, holders));
        items.AddRange(CareVisits(data, asAt, holders));
        items.AddRange(Assessments(data, asAt, holders));
        items.AddRange(CpPlans(data, asAt, holders));
        items.AddRange(ReturnHomeInterviews(data, asAt, holders));
        items.Sort(static (a, b) =>
        {
            var byOverdue = b.DaysOverdue.CompareTo(a.DaysOverdue);
            return byOverdue != 0 ? byOverdue
                : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
                : string.CompareOrdinal(a.ItemId, b.ItemId);
        });
        return new WorkList(data.LaCode, asAt, items);
    }

    /// <summary>The next CP visit of each plan open at the date: the set working days after the latest visit in the plan, or its start.</summary>
    private IEnumerable<WorkItem> CpVisits(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        var open = data.CpPlans.Where(p => IsOpen(p.PlanStartDate, p.PlanEndDate, asAt)).ToList();
        var visits = VisitDates(open.Select(static p => p.CpPlanId), data.CpVisits, static v => (v.CpPlanId, v.VisitDate));
        foreach (var plan in open)
        {
            var last = Latest(visits[plan.CpPlanId], plan.PlanStartDate, asAt);
            var from = last ?? plan.PlanStartDate;
            var due = CalendarInUse.AddWorkingDays(from, _settings.CpVisitWorkingDays);
            if (due <= asAt.AddDays(_list.VisitsDueWithinDays))
            {
                yield return Item(WorkItemKind.CpVisit, plan.CpPlanId, plan.PersonKey, from, due, asAt, holders);
            }
        }
    }

    /// <summary>The next visit of each period of care open at the date: after the latest visit in it, or its start for the first.</summary>
    private IEnumerable<WorkItem> CareVisits(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        var open = data.CareEpisodes
            .GroupBy(e => e.PeriodOfCareId, StringComparer.Ordinal)
            .Select(episodes => (Id: episodes.Key, episodes.First().PersonKey, Care: ChildrenInCareMeasures.PeriodOfCare(episodes)))
            .Where(p => IsOpen(p.Care.Start, p.Care.End, asAt))
            .ToList();
        var visits = VisitDates(open.Select(static p => p.Id), data.CareVisits, static v => (v.PeriodOfCareId, v.VisitDate));
        foreach (var (id, personKey, (start, _)) in open)
        {
            var last = Latest(visits[id], start, asAt);
            var due = last is { } previous ? previous.AddDays(_settings.CareVisitDays) : start.AddDays(_settings.CareFirstVisitDays);
            if (due <= asAt.AddDays(_list.VisitsDueWithinDays))
            {
                yield return Item(WorkItemKind.CicVisit, id, personKey, last ?? start, due, asAt, holders);
            }
        }
    }

    /// <summary>Assessments started by the date and not authorised by it, open past the listing working day.</summary>
    private IEnumerable<WorkItem> Assessments(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        foreach (var assessment in data.Assessments)
        {
            var open = assessment.AssessmentStartDate <= asAt && (assessment.AssessmentAuthDate is not { } authorised || authorised > asAt);
            if (open && CalendarInUse.WorkingDaysBetween(assessment.AssessmentStartDate, asAt) > _list.AssessmentListedAfterWorkingDays)
            {
                var due = CalendarInUse.AddWorkingDays(assessment.AssessmentStartDate, _list.AssessmentWorkingDays);
                var item = Item(WorkItemKind.Assessment, assessment.AssessmentId, assessment.PersonKey, assessment.AssessmentStartDate, due, asAt, holders);

                // The assessment's own team, when the extract gives one, is the team doing it.
                yield return assessment.AssessmentTeam is { } team && TeamKeys.Of(team) != TeamKeys.NoTeamRecorded
                    ? item with { TeamKey = TeamKeys.Of(team) }
                    : item;
            }
        }
    }

    /// <summary>Plans open at the date that are past 18 months, or reach it within the look-ahead.</summary>
    private IEnumerable<WorkItem> CpPlans(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        foreach (var plan in data.CpPlans.Where(p => IsOpen(p.PlanStartDate, p.PlanEndDate, asAt)))
        {
            var due = plan.PlanStartDate.AddMonths(_list.CpPlanMonths);
            if (due <= asAt.AddDays(_list.CpPlanDueWithinDays))
            {
                yield return Item(WorkItemKind.CpPlan18Months, plan.CpPlanId, plan.PersonKey, plan.PlanStartDate, due, asAt, holders);
            }
        }
    }

    /// <summary>Recent returns from a missing episode with no interview held by the date and none declined.</summary>
    private IEnumerable<WorkItem> ReturnHomeInterviews(LaCaseData data, DateOnly asAt, CaseHolders holders)
    {
        var earliest = asAt.AddDays(-_list.ReturnsWithinDays);
        foreach (var episode in data.MissingEpisodes)
        {
            if (string.Equals(episode.EpisodeType, MissingType, StringComparison.OrdinalIgnoreCase)
                && episode.EpisodeEndDate is { } returned && returned <= asAt && returned >= earliest
                && (episode.RhiDate is not { } held || held > asAt)
                && episode.RhiAccepted is not false)
            {
                var due = returned.AddDays(_settings.ReturnHomeInterviewDays);
                yield return Item(WorkItemKind.ReturnHomeInterview, episode.MissingEpisodeId, episode.PersonKey, returned, due, asAt, holders);
            }
        }
    }

    private static WorkItem Item(WorkItemKind kind, string itemId, string personKey, DateOnly from, DateOnly due, DateOnly asAt, CaseHolders holders)
    {
        var holder = holders.At(personKey, asAt);
        return new WorkItem(kind, itemId, holder.TeamKey, holder.WorkerKey, personKey, from, due, asAt.DayNumber - due.DayNumber);
    }

    // Open at the date as the snapshot measures read it: started by then and not ended by then.
    private static bool IsOpen(DateOnly start, DateOnly? end, DateOnly date) => start <= date && (end is not { } ended || ended > date);

    // The visit dates of each open container (an empty list for one without visits), in one pass over the visits.
    private static Dictionary<string, List<DateOnly>> VisitDates<TVisit>(
        IEnumerable<string> open, IReadOnlyList<TVisit> visits, Func<TVisit, (string Container, DateOnly Date)> visit)
    {
        var dates = new Dictionary<string, List<DateOnly>>(StringComparer.Ordinal);
        foreach (var id in open)
        {
            dates.TryAdd(id, []);
        }

        foreach (var row in visits)
        {
            var (container, date) = visit(row);
            if (dates.TryGetValue(container, out var containerDates))
            {
                containerDates.Add(date);
            }
        }

        return dates;
    }

    // The latest visit dated inside the container (from its start) and by the date: later ones are not known yet.
    private static DateOnly? Latest(List<DateOnly> visits, DateOnly start, DateOnly asAt)
    {
        DateOnly? latest = null;
        foreach (var date in visits)
        {
            if (date >= start && date <= asAt && (latest is null || date > latest))
            {
                latest = date;
            }
        }

        return latest;
    }
}
