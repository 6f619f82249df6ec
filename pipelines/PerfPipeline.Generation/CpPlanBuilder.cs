namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;

/// <summary>
/// Child protection plans: each quarter's children starting a plan (first plans after an assessed referral,
/// repeat plans for children whose last plan ended in the two years before) met exactly, then plan ends
/// moved across the snapshot dates until the children on a plan at each one match.
/// </summary>
internal sealed class CpPlanBuilder(GenerationContext context, IReadOnlyList<ReferralEvent> referrals)
{
    private static readonly (string Item, int Weight)[] Categories =
        [("Neglect", 45), ("Emotional abuse", 33), ("Physical abuse", 10), ("Sexual abuse", 5), ("Multiple", 7)];

    private readonly Random _random = context.Random;
    private readonly GenerationCalendar _calendar = context.Calendar;
    private readonly HashSet<Person> _onPlans = [];

    public List<CpGroup> Groups { get; } = [];

    public List<CpPlanDraft> Plans { get; } = [];

    public void Build()
    {
        var starts = PlannedStarts();
        var targets = context.Quarters.Resolve(context.Profile.CpStarts);
        var first = context.Quarters.YearRest[0];
        foreach (var quarter in context.Quarters.Quarters)
        {
            var target = targets[quarter];
            var exact = context.Quarters.IsTarget(quarter);
            var repeats = quarter == context.Quarters.Quarters[0] ? 0 : target.Numerator;
            var missing = StartRepeats(quarter, repeats);
            Check(missing == 0 || !exact, quarter, "repeat plans");
            missing = StartFirstPlans(quarter, starts, target.Denominator - repeats + missing, plantReturners: quarter == first);
            Check(missing == 0 || !exact, quarter, "first plans");
        }

        foreach (var (date, index) in context.SnapshotDates.Select((d, i) => (d, i)).OrderBy(p => p.d))
        {
            MatchOpenPlans(date, index);
        }

        foreach (var plan in Plans)
        {
            foreach (var child in plan.Children)
            {
                var id = context.NextId("CP", 700_001);
                plan.PlanIds.Add(id);
                context.World.CpPlans.Add(new CpPlan(id, child.PersonKey, plan.Start, plan.End, plan.Category));
            }
        }
    }

    private static void Check(bool ok, Period quarter, string what)
    {
        if (!ok)
        {
            throw new InvalidOperationException($"Could not make enough {what} in {quarter}.");
        }
    }

    // Each referral event's conference date, were its children to need a plan: days after the latest assessment.
    private Dictionary<Period, List<(ReferralEvent Event, DateOnly Start)>> PlannedStarts()
    {
        var byQuarter = new Dictionary<Period, List<(ReferralEvent, DateOnly)>>();
        foreach (var referralEvent in referrals)
        {
            if (referralEvent.Referrals.Any(r => r.Assessment?.Authorised is null))
            {
                continue;
            }

            var assessed = referralEvent.Referrals.Max(r => r.Assessment!.Authorised!.Value);
            var start = _calendar.AddWorkingDays(_calendar.OnOrAfter(assessed), _random.Between(3, 15));
            var quarter = context.Quarters.Quarters.FirstOrDefault(q => q.Contains(start));
            if (quarter == default)
            {
                continue;
            }

            if (!byQuarter.TryGetValue(quarter, out var list))
            {
                byQuarter[quarter] = list = [];
            }

            list.Add((referralEvent, start));
        }

        return byQuarter;
    }

    private int StartFirstPlans(Period quarter, Dictionary<Period, List<(ReferralEvent Event, DateOnly Start)>> starts, int count, bool plantReturners)
    {
        if (!starts.TryGetValue(quarter, out var candidates))
        {
            return count;
        }

        var pool = candidates.OrderBy(_ => _random.Next()).ToList();
        if (plantReturners)
        {
            // Two large families whose children will start a second plan in the current quarter.
            foreach (var size in new[] { 4, 3 })
            {
                var index = pool.FindIndex(c => c.Event.Referrals.Count >= size && c.Event.Referrals.All(r => !_onPlans.Contains(r.Child)));
                if (index >= 0 && count >= size)
                {
                    var (referralEvent, start) = pool[index];
                    pool.RemoveAt(index);
                    var children = referralEvent.Referrals.Take(size).Select(r => r.Child).ToList();
                    var group = new CpGroup(children, referralEvent) { ReturnsInQuarter = true };
                    var end = _calendar.RandomWorkingDay(_random, context.Year.End.AddMonths(-3).AddDays(1), context.Year.End.AddDays(-10))!.Value;
                    AddPlan(group, children, start, end);
                    count -= size;
                }
            }
        }

        foreach (var (referralEvent, start) in pool)
        {
            if (count == 0)
            {
                break;
            }

            var children = referralEvent.Referrals.Select(r => r.Child).Where(c => !_onPlans.Contains(c)).Take(count).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            var group = new CpGroup(children, referralEvent);
            AddPlan(group, children, start, Duration(start));
            count -= children.Count;
        }

        return count;
    }

    private int StartRepeats(Period quarter, int count)
    {
        var isCurrent = quarter == context.Quarter;
        var candidates = Groups
            .Where(g => g.Plans[^1].End is { } end && end.AddDays(28) <= quarter.End && end >= quarter.Start.AddMonths(-23)
                && Period.FinancialYearStart(g.Plans[^1].Start) < Period.FinancialYearStart(quarter.Start)
                && (!g.ReturnsInQuarter || isCurrent))
            .OrderBy(_ => _random.Next())
            .ToList();
        if (isCurrent)
        {
            candidates = [.. candidates.OrderByDescending(g => g.ReturnsInQuarter)];
        }

        foreach (var group in candidates)
        {
            if (count == 0)
            {
                break;
            }

            var end = group.Plans[^1].End!.Value;
            var from = Dates.Max(quarter.Start, end.AddDays(28));
            var to = Dates.Min(quarter.End, end.AddMonths(24).AddDays(-1));
            if (_calendar.RandomWorkingDay(_random, from, to) is not { } start || start.AddMonths(-24) > end)
            {
                continue;
            }

            var children = group.Plans[^1].Children.Take(count).ToList();
            AddPlan(group, children, start, Duration(start));
            count -= children.Count;
        }

        return count;
    }

    private DateOnly? Duration(DateOnly start)
    {
        var months = _random.Weighted([(3, 15), (_random.Between(5, 9), 35), (_random.Between(9, 15), 35), (_random.Between(15, 24), 15)]);
        var end = _calendar.OnOrAfter(start.AddMonths(months).AddDays(_random.Between(-10, 10)));
        return end <= context.End ? end : null;
    }

    private void AddPlan(CpGroup group, IReadOnlyList<Person> children, DateOnly start, DateOnly? end)
    {
        if (group.Plans.Count == 0)
        {
            Groups.Add(group);
        }

        var category = group.Plans.Count > 0 && _random.Chance(0.6) ? group.Plans[^1].Category : _random.Weighted(Categories);
        var plan = new CpPlanDraft(group, children, start, category) { End = end };
        group.Plans.Add(plan);
        Plans.Add(plan);
        _onPlans.UnionWith(children);
    }

    // Moves ends of plans that are their group's last across the snapshot date, without changing any other
    // snapshot's count: out of the window after the date into the one before, or back.
    private void MatchOpenPlans(DateOnly date, int snapshot)
    {
        var target = snapshot switch
        {
            0 => context.Profile.CpOpen.LastYearQuarter,
            1 => context.Profile.CpOpen.Year,
            _ => context.Profile.CpOpen.Quarter,
        };
        var dates = context.SnapshotDates.Order().ToList();
        var position = dates.IndexOf(date);
        var previous = position > 0 ? dates[position - 1] : date.AddMonths(-6);
        DateOnly? next = position < dates.Count - 1 ? dates[position + 1] : null;
        var lastPlans = Groups.Select(g => g.Plans[^1]).Where(p => !p.Group.ReturnsInQuarter).OrderBy(_ => _random.Next()).ToList();
        var open = Plans.Where(p => IsOpen(p, date)).Sum(p => p.Children.Count);
        foreach (var plan in lastPlans)
        {
            if (open == target)
            {
                return;
            }

            var size = plan.Children.Count;
            if (open > target && size <= open - target && IsOpen(plan, date) && plan.Start.AddDays(60) <= date
                && (plan.End is null ? next is null : plan.End <= next)
                && _calendar.RandomWorkingDay(_random, Dates.Max(previous.AddDays(1), plan.Start.AddDays(60)), date) is { } earlier)
            {
                plan.End = earlier;
                open -= size;
            }
            else if (open < target && size <= target - open && plan.End is { } end && end > previous && end <= date)
            {
                if (next is null)
                {
                    plan.End = null;
                    open += size;
                }
                else if (_calendar.RandomWorkingDay(_random, date.AddDays(1), next.Value) is { } later)
                {
                    plan.End = later;
                    open += size;
                }
            }
        }

        if (open != target)
        {
            throw new InvalidOperationException($"Children on a plan at {date:yyyy-MM-dd}: {open}, not {target}.");
        }
    }

    private static bool IsOpen(CpPlanDraft plan, DateOnly date) => plan.Start <= date && (plan.End is null || plan.End > date);
}
