namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Referrals to children's social care, quarter by quarter, meeting each quarter's count and re-referral
/// count exactly. A re-referral re-refers a family referred 2 weeks to 12 months before; any other referral is
/// a new family, or one last referred more than a year ago. Siblings are referred on the same day.
/// </summary>
internal sealed class ReferralBuilder(GenerationContext context)
{
    private static readonly (string Item, int Weight)[] Sources =
    [
        ("1A", 50), ("1B", 20), ("1C", 10), ("2A", 170), ("2B", 20), ("3A", 40), ("3B", 40), ("3C", 20), ("3D", 10),
        ("3E", 40), ("3F", 20), ("4", 20), ("5A", 60), ("5B", 20), ("5C", 30), ("5D", 60), ("6", 270), ("7", 10),
        ("8", 20), ("9", 10), ("10", 10),
    ];

    private static readonly (int Item, int Weight)[] FamilySizes = [(1, 55), (2, 27), (3, 12), (4, 4), (5, 2)];

    private static readonly (int Item, int Weight)[] Ages =
    [
        (0, 9), (1, 4), (2, 4), (3, 4), (4, 4), (5, 5), (6, 5), (7, 5), (8, 5), (9, 5), (10, 5),
        (11, 7), (12, 7), (13, 7), (14, 7), (15, 7), (16, 5), (17, 4),
    ];

    private readonly Random _random = context.Random;
    private readonly List<Family> _families = [];

    public List<ReferralEvent> Events { get; } = [];

    /// <summary>Every family referred, siblings together.</summary>
    public IReadOnlyList<Family> Families => _families;

    public List<ReferralDraft> Referrals { get; } = [];

    public void Build()
    {
        var targets = context.Quarters.Resolve(context.Profile.Referrals);
        foreach (var quarter in context.Quarters.Quarters)
        {
            var target = targets[quarter];
            var first = quarter == context.Quarters.Quarters[0];
            BuildQuarter(quarter, target.Denominator, first ? 0 : target.Numerator, context.Quarters.IsTarget(quarter));
        }
    }

    private void BuildQuarter(Period quarter, int count, int repeats, bool exact)
    {
        var candidates = _families
            .Where(f => f.LastReferral is { } last && last >= quarter.Start.AddMonths(-12) && last.AddDays(14) <= quarter.End)
            .ToList();
        var remainingRepeats = repeats;
        var remaining = count;
        while (remainingRepeats > 0 && candidates.Count > 0)
        {
            var index = _random.Next(candidates.Count);
            var family = candidates[index];
            candidates.RemoveAt(index);
            var last = family.LastReferral!.Value;
            var from = Dates.Max(quarter.Start, last.AddDays(14));
            var to = Dates.Min(quarter.End, last.AddMonths(12).AddDays(-3));
            if (family.Children.Count > remainingRepeats || from > to)
            {
                continue;
            }

            var date = context.MostlyWorkingDay(from, to);
            Refer(family, date);
            remainingRepeats -= family.Children.Count;
            remaining -= family.Children.Count;
        }

        if (remainingRepeats > 0 && exact)
        {
            throw new InvalidOperationException($"Not enough families to re-refer in {quarter}: {remainingRepeats} short.");
        }

        var returning = _families
            .Where(f => f.LastReferral is { } last && last < quarter.Start.AddMonths(-13))
            .ToList();
        while (remaining > 0)
        {
            var date = Seasonality.Date(context, quarter);
            if (returning.Count > 0 && _random.Chance(0.08))
            {
                var index = _random.Next(returning.Count);
                var family = returning[index];
                returning.RemoveAt(index);
                if (family.Children.Count <= remaining && family.LastReferral < date.AddMonths(-12))
                {
                    Refer(family, date);
                    remaining -= family.Children.Count;
                }

                continue;
            }

            var fresh = NewFamily(date, Math.Min(_random.Weighted(FamilySizes), remaining));
            Refer(fresh, date);
            remaining -= fresh.Children.Count;
        }
    }

    private Family NewFamily(DateOnly on, int size)
    {
        var ethnicity = context.People.Ethnicity();
        var children = new List<Person>(size);
        var age = size == 1 ? _random.Weighted(Ages) : _random.Between(size + 1, 16);
        for (var i = 0; i < size; i++)
        {
            children.Add(context.People.Child(on, Math.Max(age, 0), ethnicity));
            age -= _random.Between(1, 3);
        }

        var family = new Family(_families.Count + 1, children);
        _families.Add(family);
        return family;
    }

    private void Refer(Family family, DateOnly date)
    {
        var source = _random.Weighted(Sources);
        var drafts = new List<ReferralDraft>(family.Children.Count);
        foreach (var child in family.Children)
        {
            var draft = new ReferralDraft(context.NextId("R", 300_001), child, family, date, source);
            drafts.Add(draft);
            Referrals.Add(draft);
        }

        var referralEvent = new ReferralEvent(family, date, drafts);
        family.Referrals.Add(referralEvent);
        family.LastReferral = date;
        Events.Add(referralEvent);
    }
}
