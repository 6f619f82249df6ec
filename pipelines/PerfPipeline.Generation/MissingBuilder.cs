namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Missing and absent episodes of teenagers (some in care). The year's missing children are drawn once and
/// spread over its quarters, so both the year's and last year's quarter's distinct counts are exact; return
/// home interviews are then given to the right number of episodes, the right number within 72 hours.
/// </summary>
internal sealed class MissingBuilder(GenerationContext context, IReadOnlyList<CarePeriodDraft> care)
{
    private readonly Random _random = context.Random;

    public void Build()
    {
        var targets = context.Profile.Missing;
        var quarters = context.Quarters;
        var rest = quarters.YearRest;
        var yearChildren = Children(targets.Year.Children, quarters.Year.Start.AddMonths(6));
        var inQuarter = quarters.Quarters.ToDictionary(q => q, _ => new List<Person>());
        for (var i = 0; i < yearChildren.Count; i++)
        {
            var child = yearChildren[i];
            var inLastYearQuarter = i < targets.LastYearQuarter.Children;
            if (inLastYearQuarter)
            {
                inQuarter[quarters.LastYearQuarter].Add(child);
            }

            var mandatory = inLastYearQuarter ? -1 : _random.Next(rest.Count);
            for (var r = 0; r < rest.Count; r++)
            {
                if (r == mandatory || _random.Chance(0.25))
                {
                    inQuarter[rest[r]].Add(child);
                }
            }
        }

        var interviewsLeft = Ratio.Less(targets.Year.ReturnInterviews, targets.LastYearQuarter.ReturnInterviews);
        var factors = quarters.Factors();
        var weights = rest.Select(q => factors[q]).ToList();
        foreach (var quarter in quarters.Quarters)
        {
            Ratio interviews;
            if (quarter == quarters.LastYearQuarter)
            {
                interviews = targets.LastYearQuarter.ReturnInterviews;
            }
            else if (quarters.Year.Contains(quarter.Start))
            {
                var index = rest.ToList().IndexOf(quarter);
                interviews = Ratio.Part(interviewsLeft, weights, index);
            }
            else
            {
                var (volume, rate) = factors[quarter];
                var target = quarter == quarters.Quarter ? targets.Quarter
                    : new MissingTarget((int)Math.Round(targets.Background.Children * volume), Ratio.Vary(targets.Background.ReturnInterviews, volume, rate));
                inQuarter[quarter].AddRange(Children(target.Children, quarter.Start));
                interviews = target.ReturnInterviews;
            }

            Episodes(quarter, inQuarter[quarter], interviews);
        }
    }

    // Distinct teenagers: some in care on the day, the rest known to the front door or new.
    private List<Person> Children(int count, DateOnly on)
    {
        var inCare = care.Where(p => p.IsOpen(on) && PersonFactory.AgeOn(p.Child.DateOfBirth!.Value, on) is >= 12 and <= 17)
            .Select(p => p.Child).OrderBy(_ => _random.Next()).Take(count * 2 / 5).ToList();
        while (inCare.Count < count)
        {
            inCare.Add(context.People.Child(on, _random.Between(12, 17)));
        }

        return inCare;
    }

    private void Episodes(Period quarter, List<Person> children, Ratio interviews)
    {
        var missing = new List<(Person Child, DateOnly Start, DateOnly End)>();
        foreach (var child in children)
        {
            var count = _random.Weighted([(1, 45), (2, 30), (3, 17), (4, 8)]);
            for (var e = 0; e < count; e++)
            {
                missing.Add(Episode(child, quarter));
            }
        }

        while (missing.Count < interviews.Denominator + 3)
        {
            missing.Add(Episode(_random.Pick(children), quarter));
        }

        missing.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Child.PersonKey, b.Child.PersonKey));
        var interviewed = missing.Select((m, i) => i).OrderBy(_ => _random.Next()).Take(interviews.Denominator).ToHashSet();

        // Late interviews go to episodes that ended early enough for a late date to have happened.
        var late = interviewed.Where(i => missing[i].End <= context.End.AddDays(-5)).OrderBy(_ => _random.Next())
            .Take(interviews.Denominator - interviews.Numerator).ToHashSet();
        if (late.Count < interviews.Denominator - interviews.Numerator)
        {
            throw new InvalidOperationException($"Too few episodes ended in time for late interviews in {quarter}.");
        }

        var awaiting = AwaitingInterview(missing, interviewed);
        for (var i = 0; i < missing.Count; i++)
        {
            var (child, start, end) = missing[i];
            DateOnly? interview = null;
            bool? offered = _random.Chance(0.9);
            bool? accepted = offered == true ? false : null;
            if (i == awaiting)
            {
                accepted = null;
                offered = true;
            }

            if (interviewed.Contains(i))
            {
                offered = accepted = true;
                interview = late.Contains(i)
                    ? end.AddDays(_random.Between(4, Math.Min(20, context.End.DayNumber - end.DayNumber)))
                    : end.AddDays(_random.Between(0, Math.Min(3, context.End.DayNumber - end.DayNumber)));
            }

            context.World.MissingEpisodes.Add(new MissingEpisode(
                context.NextId("M", 200_001), child.PersonKey, start, "Missing", end, offered, accepted, interview));
            if (_random.Chance(0.12))
            {
                var absentStart = Dates.Min(end.AddDays(_random.Between(2, 20)), context.End);
                context.World.MissingEpisodes.Add(new MissingEpisode(
                    context.NextId("M", 200_001), child.PersonKey, absentStart, "Absent", absentStart, null, null, null));
            }
        }
    }

    // The child who came back last before the extract, with no interview yet, has been offered one and not yet
    // answered: an extract always catches some returns still awaiting their interview (the work list shows them).
    private int AwaitingInterview(List<(Person Child, DateOnly Start, DateOnly End)> missing, HashSet<int> interviewed)
    {
        var awaiting = -1;
        for (var i = 0; i < missing.Count; i++)
        {
            if (!interviewed.Contains(i) && missing[i].End >= context.End.AddDays(-21) && (awaiting < 0 || missing[i].End >= missing[awaiting].End))
            {
                awaiting = i;
            }
        }

        return awaiting;
    }

    private (Person, DateOnly, DateOnly) Episode(Person child, Period quarter)
    {
        var start = _random.DateBetween(quarter.Start, quarter.End.AddDays(-3));
        return (child, start, Dates.Min(start.AddDays(_random.Weighted([(0, 40), (1, 35), (2, 15), (3, 10)])), quarter.End));
    }
}
