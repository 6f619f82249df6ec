namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>
/// Allocated social workers: for assessments, for each child protection plan (siblings share a worker) and
/// for each period of care, with handovers at a realistic rate. Handovers of children in care are then
/// added or removed so the children with more than one worker in 12 months match at each snapshot.
/// </summary>
internal sealed class InvolvementBuilder(GenerationContext context, IReadOnlyList<Professional> socialWorkers)
{
    private readonly Random _random = context.Random;
    private readonly List<InvolvementTimeline> _timelines = [];
    private readonly List<InvolvementTimeline> _care = [];

    public void AddAssessments(IReadOnlyList<ReferralDraft> referrals, IReadOnlySet<Person> elsewhere)
    {
        foreach (var referral in referrals)
        {
            if (referral.Assessment is { } assessment && !elsewhere.Contains(referral.Child))
            {
                DateOnly? end = assessment.Authorised?.AddDays(_random.Between(0, 90));
                Add([referral.Child], assessment.Start, end > context.End ? null : end, assessment.Team, 0.3);
            }
        }
    }

    public void AddPlans(IReadOnlyList<CpPlanDraft> plans)
    {
        foreach (var plan in plans)
        {
            var start = plan.Start.AddDays(-_random.Between(5, 30));
            DateOnly? end = plan.End?.AddDays(_random.Between(0, 90));
            Add(plan.Children, start, end > context.End ? null : end, "Child Protection", 0.6);
        }
    }

    public void AddCare(IReadOnlyList<CarePeriodDraft> periods)
    {
        foreach (var period in periods.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            _care.Add(Add([period.Child], period.Start, period.End, period.IsCareLeaver ? "Children in Care 16 Plus" : "Children in Care", 0.75));
        }

        foreach (var (date, target) in Targets())
        {
            Meet(date, target);
        }
    }

    private IEnumerable<(DateOnly Date, int Target)> Targets()
    {
        var targets = context.Profile.MultipleSocialWorkers;
        yield return (context.LastYearQuarter.End, targets.LastYearQuarter);
        yield return (context.Year.End, targets.Year);
        yield return (context.Quarter.End, targets.Quarter);
    }

    private InvolvementTimeline Add(IReadOnlyList<Person> children, DateOnly start, DateOnly? end, string team, double changesPerYear)
    {
        var timeline = new InvolvementTimeline(children, start, end, team);
        var last = end ?? context.End;
        for (var day = start.AddDays(Gap(changesPerYear)); day < last; day = day.AddDays(Gap(changesPerYear)))
        {
            timeline.Changes.Add(context.Calendar.OnOrBefore(day) > start ? context.Calendar.OnOrBefore(day) : day);
        }

        _timelines.Add(timeline);
        return timeline;
    }

    private int Gap(double perYear) => 1 + (int)(-Math.Log(1 - _random.NextDouble()) * 365 / perYear);

    private static bool InCare(InvolvementTimeline timeline, DateOnly date) =>
        timeline.Start <= date && (timeline.End is null || timeline.End > date);

    // Adds or removes handovers in the 12 months to the date, only where no other snapshot's answer changes.
    private void Meet(DateOnly date, int target)
    {
        var dates = Targets().Select(t => t.Date).ToList();
        var cohort = _care.Where(t => InCare(t, date)).ToList();
        var count = cohort.Count(t => t.HasSeveralWorkers(date));
        var windowStart = date.AddMonths(-12).AddDays(1);
        foreach (var timeline in cohort.OrderBy(_ => _random.Next()))
        {
            if (count == target)
            {
                break;
            }

            var before = dates.Select(d => InCare(timeline, d) && timeline.HasSeveralWorkers(d)).ToList();
            var saved = timeline.Changes.ToList();
            if (count < target && !timeline.HasSeveralWorkers(date))
            {
                var from = Dates.Max(windowStart, timeline.Start.AddDays(1));
                if (from <= date && context.Calendar.RandomWorkingDay(_random, from, date) is { } day)
                {
                    timeline.Changes.Add(day);
                    timeline.Changes.Sort();
                }
            }
            else if (count > target && timeline.HasSeveralWorkers(date))
            {
                timeline.Changes.RemoveAll(c => c >= windowStart && c <= date);
            }

            var after = dates.Select(d => InCare(timeline, d) && timeline.HasSeveralWorkers(d)).ToList();
            var changed = dates.Where((d, i) => before[i] != after[i]).ToList();
            if (changed.Count == 1 && changed[0] == date)
            {
                count += after[dates.IndexOf(date)] ? 1 : -1;
            }
            else
            {
                timeline.Changes.Clear();
                timeline.Changes.AddRange(saved);
            }
        }

        if (count != target)
        {
            throw new InvalidOperationException($"Children in care with several social workers at {date:yyyy-MM-dd}: {count}, not {target}.");
        }
    }

    /// <summary>Assigns a worker to each stretch between handovers and writes the involvements.</summary>
    public void Write()
    {
        foreach (var timeline in _timelines)
        {
            var used = new HashSet<Professional>();
            var start = timeline.Start;
            var ends = timeline.Changes.Where(c => c > timeline.Start && (timeline.End is null || c < timeline.End)).Distinct().Order()
                .Select(c => (DateOnly?)c).Append(timeline.End).ToList();
            foreach (var end in ends)
            {
                var worker = Worker(start, end ?? context.End, used);
                used.Add(worker);
                foreach (var child in timeline.Children)
                {
                    context.World.Involvements.Add(new Involvement(
                        context.NextId("INV", 400_001), child.PersonKey, worker.ProfessionalKey, "Social Worker", timeline.Team, start, end));
                }

                if (end is { } next)
                {
                    start = next;
                }
            }
        }
    }

    private Professional Worker(DateOnly from, DateOnly to, HashSet<Professional> used)
    {
        var covering = socialWorkers.Where(w => !used.Contains(w) && w.EmploymentStartDate <= from && (w.EmploymentEndDate is null || w.EmploymentEndDate >= to)).ToList();
        if (covering.Count > 0)
        {
            return _random.Pick(covering);
        }

        var inPost = socialWorkers.Where(w => !used.Contains(w) && w.EmploymentStartDate <= from && (w.EmploymentEndDate is null || w.EmploymentEndDate > from)).ToList();
        return inPost.Count > 0 ? _random.Pick(inPost) : _random.Pick(socialWorkers.Where(w => !used.Contains(w)).ToList());
    }
}
