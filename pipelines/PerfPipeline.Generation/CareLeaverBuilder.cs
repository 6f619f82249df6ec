namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Care leaver snapshots: young people who left care at 16 or over, aged 16-21 at the snapshot. Each
/// snapshot's cohort and its 18-24 part are met exactly (more leavers where short, RHOM where over: returned
/// home), then in touch, accommodation and activity are set so the numerators match.
/// </summary>
internal sealed class CareLeaverBuilder(GenerationContext context, CareBuilder care)
{
    private static readonly string[] SuitableAccommodation = ["U1", "U1", "P1", "P1", "H1", "G1", "K1", "B1", "C1", "R1", "W1"];
    private static readonly string[] UnsuitableAccommodation = ["S2", "T2", "V2", "X2", "K2", "B2"];
    private static readonly string[] InEducationOrWork = ["F1", "F2", "F2", "F3", "F3", "P1", "P2", "P3", "F4", "F5", "P5"];
    private static readonly string[] NotInEducationOrWork = ["G5", "G5", "G4", "G6"];

    private readonly Random _random = context.Random;

    // From which snapshot a young person is out of the cohort, and why (RHOM or DIED).
    private readonly Dictionary<Person, (DateOnly From, string Status)> _excluded = [];
    private readonly Dictionary<(Person Child, string Aspect), double> _propensity = [];

    public void Build()
    {
        foreach (var period in care.Periods)
        {
            period.IsCareLeaver = period.End is { } end && Age(period.Child, end) >= 16 && end.DayNumber - period.Start.DayNumber >= 91;
        }

        var batches = context.Profile.Batches;
        var previous = batches[0].AddMonths(-6);
        foreach (var asAt in batches)
        {
            if (Target(asAt) is { } target)
            {
                Meet(asAt, previous, target);
            }

            previous = asAt;
        }

        foreach (var asAt in batches)
        {
            context.World.CareLeaverSnapshots.Add(new Snapshot<CareLeaver>(asAt, Rows(asAt)));
        }
    }

    private CareLeaverTarget? Target(DateOnly asAt)
    {
        var targets = context.Profile.CareLeavers;
        return asAt == context.LastYearQuarter.End ? targets.LastYearQuarter
            : asAt == context.Year.End ? targets.Year
            : asAt == context.Quarter.End ? targets.Quarter
            : null;
    }

    private void Meet(DateOnly asAt, DateOnly previous, CareLeaverTarget target)
    {
        if (asAt == context.Year.End)
        {
            // One young person who has died since the last snapshot: out of the cohort, still listed.
            var adult = InCohort(asAt).Where(p => Age(p.Child, asAt) >= 19).OrderBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault();
            if (adult is not null)
            {
                _excluded[adult.Child] = (asAt, "DIED");
            }
        }

        var underEighteen = target.Cohort - target.Aged18To24;
        Adjust(asAt, previous, adult: true, target.Aged18To24);
        Adjust(asAt, previous, adult: false, underEighteen);
    }

    private void Adjust(DateOnly asAt, DateOnly previous, bool adult, int target)
    {
        var members = InCohort(asAt).Where(p => Age(p.Child, asAt) >= 18 == adult).OrderBy(_ => _random.Next()).ToList();
        foreach (var surplus in members.Skip(target))
        {
            _excluded[surplus.Child] = (asAt, "RHOM");
        }

        for (var i = members.Count; i < target; i++)
        {
            // A young person who left care since the last snapshot: at 18, or at 16-17 and still 17.
            var left = _random.DateBetween(Dates.Max(previous.AddDays(1), asAt.AddMonths(-6)), asAt);
            var dateOfBirth = adult ? left.AddYears(-18) : _random.DateBetween(asAt.AddYears(-18).AddDays(1), left.AddYears(-16));
            var child = context.People.Add(dateOfBirth);
            var start = _random.DateBetween(dateOfBirth.AddYears(13), left.AddDays(-120));
            care.Periods.Add(new CarePeriodDraft(context.NextId("CLA", 900_001), child, start, left) { IsCareLeaver = true });
        }
    }

    private IEnumerable<CarePeriodDraft> Listed(DateOnly asAt) =>
        care.Periods.Where(p => p.IsCareLeaver && p.End <= asAt && Age(p.Child, asAt) is >= 16 and <= 21);

    private IEnumerable<CarePeriodDraft> InCohort(DateOnly asAt) =>
        Listed(asAt).Where(p => !(_excluded.TryGetValue(p.Child, out var e) && e.From <= asAt));

    private List<CareLeaver> Rows(DateOnly asAt)
    {
        var target = Target(asAt);
        var listed = Listed(asAt).OrderBy(p => p.Child.PersonKey, StringComparer.Ordinal).ToList();
        var cohort = listed.Where(p => !(_excluded.TryGetValue(p.Child, out var e) && e.From <= asAt)).ToList();
        var notInTouch = Worst(cohort, "touch", cohort.Count - (target?.InTouch ?? (int)(cohort.Count * 0.92)));
        var unsuitable = Worst(cohort, "accommodation", cohort.Count - (target?.SuitablyAccommodated ?? (int)(cohort.Count * 0.88)));
        var adults = cohort.Where(p => Age(p.Child, asAt) >= 18).ToList();
        var neet = Worst(adults, "activity", target?.Neet ?? (int)(adults.Count * 0.4));
        var rows = new List<CareLeaver>(listed.Count);
        foreach (var period in listed)
        {
            var child = period.Child;
            var adult = Age(child, asAt) >= 18;
            string inTouch;
            if (_excluded.TryGetValue(child, out var excluded) && excluded.From <= asAt)
            {
                inTouch = excluded.Status;
            }
            else
            {
                inTouch = notInTouch.Contains(child) ? (_random.Chance(0.7) ? "NO" : "REFU") : "YES";
            }

            var accommodation = unsuitable.Contains(child) ? _random.Pick(UnsuitableAccommodation) : _random.Pick(SuitableAccommodation);
            var activity = neet.Contains(child) ? _random.Pick(NotInEducationOrWork) : _random.Pick(InEducationOrWork);
            DateOnly? contact = inTouch == "YES" ? asAt.AddDays(-_random.Between(1, 56)) : null;
            rows.Add(new CareLeaver(
                "CL" + child.PersonKey,
                child.PersonKey,
                adult ? "Former relevant" : "Relevant",
                inTouch,
                contact,
                accommodation,
                accommodation[1] == '1' ? "Suitable" : "Unsuitable",
                activity));
        }

        return rows;
    }

    // The young people most likely (by a lasting draw each) to be out of touch, unsuitably housed or NEET.
    private HashSet<Person> Worst(List<CarePeriodDraft> cohort, string aspect, int count) =>
        [.. cohort.OrderByDescending(p => Propensity(p.Child, aspect)).ThenBy(p => p.Child.PersonKey, StringComparer.Ordinal).Take(count).Select(p => p.Child)];

    private double Propensity(Person child, string aspect)
    {
        if (!_propensity.TryGetValue((child, aspect), out var value))
        {
            _propensity[(child, aspect)] = value = _random.NextDouble();
        }

        return value;
    }

    private static int Age(Person child, DateOnly on) => PersonFactory.AgeOn(child.DateOfBirth!.Value, on);
}
