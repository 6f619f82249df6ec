namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>
/// Children in care: years of entries and exits simulated (adoption, return home, leaving care at 18), then
/// entry and exit dates of younger children moved across the snapshot dates until the number in care at
/// each matches. Children who left care at 16 or over are the care leavers.
/// </summary>
internal sealed class CareBuilder(GenerationContext context)
{
    private static readonly (int Item, int Weight)[] EntryAges =
    [
        (0, 18), (1, 4), (2, 3), (3, 3), (4, 4), (5, 3), (6, 3), (7, 4), (8, 4), (9, 4), (10, 5), (11, 5), (12, 6),
        (13, 7), (14, 8), (15, 8), (16, 6), (17, 5),
    ];

    private readonly Random _random = context.Random;

    public List<CarePeriodDraft> Periods { get; } = [];

    /// <summary>
    /// Simulates entries and exits from ten years before the history starts. Once referrals are recorded,
    /// most children coming into care are children assessed in the weeks before (not those on a CP plan).
    /// </summary>
    public void Simulate(IReadOnlyList<ReferralDraft> referrals, IReadOnlySet<Person> onPlans)
    {
        var assessed = referrals
            .Where(r => r.Assessment?.Authorised is not null && !onPlans.Contains(r.Child))
            .OrderBy(r => r.Assessment!.Authorised).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var taken = new HashSet<Person>();
        var next = 0;
        var from = context.Profile.HistoryStart.AddYears(-10);
        for (var day = from; day <= context.End; day = day.AddDays(1))
        {
            if (!_random.Chance(0.1))
            {
                continue;
            }

            // The first assessed child under 17, signed off 1 to 90 days ago, not yet in care.
            while (next < assessed.Count && assessed[next].Assessment!.Authorised < day.AddDays(-90))
            {
                next++;
            }

            var known = _random.Chance(0.7)
                ? assessed.Skip(next).TakeWhile(r => r.Assessment!.Authorised < day).FirstOrDefault(r => !taken.Contains(r.Child) && PersonFactory.AgeOn(r.Child.DateOfBirth!.Value, day) < 17)
                : null;
            var child = known?.Child ?? context.People.Child(day, _random.Weighted(EntryAges));
            taken.Add(child);
            Periods.Add(new CarePeriodDraft(context.NextId("CLA", 900_001), child, day, Exit(child, day)));
        }
    }

    private DateOnly? Exit(Person child, DateOnly start)
    {
        var eighteen = child.DateOfBirth!.Value.AddYears(18);
        var age = PersonFactory.AgeOn(child.DateOfBirth.Value, start);
        var days = _random.Weighted(
        [
            (_random.Between(7, 180), 30),
            (_random.Between(180, 730), age < 5 ? 45 : 25),
            (eighteen.DayNumber - start.DayNumber, age < 5 ? 5 : 45),
        ]);
        var end = start.AddDays(days);
        if (end > eighteen)
        {
            end = eighteen;
        }

        return end <= context.End ? end : null;
    }

    /// <summary>Moves entries and exits of children under 15 across each snapshot date until the count in care matches.</summary>
    public void MatchChildrenInCare()
    {
        var targets = context.Profile.ChildrenInCare;
        var dates = context.SnapshotDates.Order().ToList();
        for (var k = 0; k < dates.Count; k++)
        {
            var date = dates[k];
            var target = date == context.LastYearQuarter.End ? targets.LastYearQuarter : date == context.Year.End ? targets.Year : targets.Quarter;
            var previous = k > 0 ? dates[k - 1] : date.AddMonths(-6);
            DateOnly? next = k < dates.Count - 1 ? dates[k + 1] : null;
            var count = Periods.Count(p => p.IsOpen(date));
            var natural = count;
            for (var pass = 0; pass < 5 && count != target; pass++)
            {
                foreach (var period in Periods.Where(p => IsAdjustable(p, next ?? context.End)).OrderBy(_ => _random.Next()).ToList())
                {
                    if (count == target)
                    {
                        break;
                    }

                    count += count > target ? (Leave(period, date, previous, next) ? -1 : 0) : (Stay(period, date, previous, next) ? 1 : 0);
                }
            }

            // Still too many: younger children in care since before the last snapshot date went home since it.
            // Later snapshot dates may move, and are matched next.
            var goingHome = count > target ? Periods.Where(p => IsAdjustable(p, next ?? context.End) && p.IsOpen(date)).OrderBy(_ => _random.Next()).ToList() : [];
            foreach (var period in goingHome)
            {
                var earliest = Dates.Max(previous.AddDays(1), period.Start.AddDays(14));
                if (count > target && earliest <= date)
                {
                    period.End = _random.DateBetween(earliest, date);
                    count--;
                }
            }

            // Still short: children who came into care since the last snapshot date.
            for (; count < target; count++)
            {
                var start = _random.DateBetween(previous.AddDays(1), date);
                DateOnly? end = next is { } limit ? _random.DateBetween(date.AddDays(1), limit) : null;
                var child = context.People.Child(start, _random.Between(0, 12));
                Periods.Add(new CarePeriodDraft(context.NextId("CLA", 900_001), child, start, end));
            }

            if (count != target)
            {
                throw new InvalidOperationException($"Children in care at {date:yyyy-MM-dd}: {count} (from {natural}), not {target}.");
            }
        }
    }

    // Takes a child out of care on the date only: entry moved to just after it, or exit to just before.
    private bool Leave(CarePeriodDraft period, DateOnly date, DateOnly previous, DateOnly? next)
    {
        if (!period.IsOpen(date))
        {
            return false;
        }

        var limit = next ?? context.End;
        var end = period.End ?? DateOnly.MaxValue;
        if (period.Start > previous && next is not null && Dates.Min(limit, end.AddDays(-14)) > date)
        {
            period.Start = _random.DateBetween(date.AddDays(1), Dates.Min(limit, end.AddDays(-14)));
            return true;
        }

        var earliest = Dates.Max(previous.AddDays(1), period.Start.AddDays(14));
        if ((period.End is null ? next is null : period.End <= next) && earliest <= date)
        {
            period.End = _random.DateBetween(earliest, date);
            return true;
        }

        return false;
    }

    // Puts a child in care on the date only: entry moved to just before it, or exit to just after.
    private bool Stay(CarePeriodDraft period, DateOnly date, DateOnly previous, DateOnly? next)
    {
        if (period.IsOpen(date))
        {
            return false;
        }

        if (period.Start > date && next is not null && period.Start <= next)
        {
            var earliest = Dates.Max(previous.AddDays(1), period.Child.DateOfBirth!.Value);
            if (earliest <= date && (period.End is null || period.End > date))
            {
                period.Start = _random.DateBetween(earliest, date);
                return true;
            }
        }

        if (period.End is { } end && end > previous && end <= date && period.Start <= date)
        {
            period.End = next is { } limit ? _random.DateBetween(date.AddDays(1), limit) : null;
            return true;
        }

        return false;
    }

    // Not a care leaver, and young enough that no move could make one.
    private static bool IsAdjustable(CarePeriodDraft period, DateOnly latest) =>
        !period.IsCareLeaver && PersonFactory.AgeOn(period.Child.DateOfBirth!.Value, latest) < 16;

    /// <summary>Episodes: each period of care split at placement moves.</summary>
    public void WriteEpisodes()
    {
        foreach (var period in Periods.OrderBy(p => p.Start).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            var start = period.Start;
            var last = period.End ?? context.End;
            var moves = _random.Weighted([(0, 50), (1, 30), (2, 15), (3, 5)]);
            for (var m = 0; m < moves && last.DayNumber - start.DayNumber > 60; m++)
            {
                var move = _random.DateBetween(start.AddDays(30), last.AddDays(-30));
                context.World.CareEpisodes.Add(new CareEpisode(context.NextId("CLE", 910_001), period.Child.PersonKey, period.Id, start, move));
                start = move;
            }

            context.World.CareEpisodes.Add(new CareEpisode(context.NextId("CLE", 910_001), period.Child.PersonKey, period.Id, start, period.End));
        }
    }
}
