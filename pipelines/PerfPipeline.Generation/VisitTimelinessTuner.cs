namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Meets a visits-in-timescale percentage exactly by moving single visits a few days: a late visit earlier
/// (in timescale) or a timely one later, within its quarter, keeping the next visit's timeliness as it was,
/// so no other period's count moves.
/// </summary>
internal sealed class VisitTimelinessTuner(GenerationContext context, IReadOnlyList<VisitSchedule> schedules, VisitTimescale timescale)
{
    private readonly Random _random = context.Random;

    /// <summary>Last year's quarter first, then the rest of the year, then the current quarter.</summary>
    public void MeetTargets(FlowTargets<decimal> targets)
    {
        var quarters = context.Quarters;
        Meet(targets.LastYearQuarter, [quarters.LastYearQuarter], [quarters.LastYearQuarter]);
        Meet(targets.Year, [quarters.Year], quarters.YearRest);
        Meet(targets.Quarter, [quarters.Quarter], [quarters.Quarter]);
    }

    /// <summary>Makes visits dated in <paramref name="measured"/> display <paramref name="target"/>% in timescale, moving only visits in <paramref name="adjustable"/>.</summary>
    public void Meet(decimal target, IReadOnlyList<Period> measured, IReadOnlyList<Period> adjustable)
    {
        var (timely, total) = Count(measured);
        int? numerator;
        while ((numerator = Rates.NearestNumerator(total, target, timely)) is null)
        {
            // No whole number of these visits displays as the target: one more timely visit changes that.
            InsertTimelyVisit(adjustable);
            (timely, total) = Count(measured);
        }

        var delta = numerator.Value - timely;
        var candidates = new List<(VisitSchedule Schedule, int Index)>();
        foreach (var schedule in schedules)
        {
            for (var i = 0; i < schedule.Visits.Count; i++)
            {
                if (adjustable.Any(p => p.Contains(schedule.Visits[i])) && timescale.IsOnTime(schedule, i) != (delta > 0))
                {
                    candidates.Add((schedule, i));
                }
            }
        }

        foreach (var (schedule, index) in candidates.OrderBy(_ => _random.Next()))
        {
            if (delta == 0)
            {
                break;
            }

            if (schedule.Weight <= Math.Abs(delta) && timescale.IsOnTime(schedule, index) != (delta > 0) && TryMove(schedule, index, delta > 0))
            {
                delta -= Math.Sign(delta) * schedule.Weight;
            }
        }

        if (delta != 0)
        {
            throw new InvalidOperationException($"Could not bring visits in {string.Join(", ", measured)} to {target}% ({delta} left).");
        }
    }

    public (int Timely, int Total) Count(IReadOnlyList<Period> periods)
    {
        int timely = 0, total = 0;
        foreach (var schedule in schedules)
        {
            for (var i = 0; i < schedule.Visits.Count; i++)
            {
                if (periods.Any(p => p.Contains(schedule.Visits[i])))
                {
                    total += schedule.Weight;
                    timely += timescale.IsOnTime(schedule, i) ? schedule.Weight : 0;
                }
            }
        }

        return (timely, total);
    }

    private void InsertTimelyVisit(IReadOnlyList<Period> adjustable)
    {
        foreach (var schedule in schedules.Where(s => s.Weight == 1).OrderBy(_ => _random.Next()))
        {
            for (var i = 0; i < schedule.Visits.Count; i++)
            {
                var visit = schedule.Visits[i];
                if (!adjustable.Any(p => p.Contains(visit)))
                {
                    continue;
                }

                var quarter = context.Quarters.Quarters.First(q => q.Contains(visit));
                DateOnly? next = i + 1 < schedule.Visits.Count ? schedule.Visits[i + 1] : null;
                var nextOnTime = next is not null && timescale.IsOnTime(schedule, i + 1);
                var last = Dates.Min(Dates.Min(schedule.End ?? context.End, context.End), quarter.End);
                for (var x = visit.AddDays(1); x <= last && (next is null || x < next); x = x.AddDays(1))
                {
                    if (!context.Calendar.IsWorkingDay(x))
                    {
                        continue;
                    }

                    schedule.Visits.Insert(i + 1, x);
                    if (timescale.IsOnTime(schedule, i + 1) && (next is null || timescale.IsOnTime(schedule, i + 2) == nextOnTime))
                    {
                        return;
                    }

                    schedule.Visits.RemoveAt(i + 1);
                }
            }
        }

        throw new InvalidOperationException("No visit could be added to change the denominator.");
    }

    private bool TryMove(VisitSchedule schedule, int index, bool makeTimely)
    {
        var visits = schedule.Visits;
        var original = visits[index];
        var previous = index == 0 ? schedule.Anchor : visits[index - 1];
        DateOnly? next = index + 1 < visits.Count ? visits[index + 1] : null;
        var nextOnTime = next is not null && timescale.IsOnTime(schedule, index + 1);
        var last = Dates.Min(schedule.End ?? context.End, context.End);
        var quarter = context.Quarters.Quarters.First(q => q.Contains(original));
        var step = makeTimely ? -1 : 1;
        for (var x = original.AddDays(step); x > previous && x <= last && quarter.Contains(x) && (next is null || x < next); x = x.AddDays(step))
        {
            if (!context.Calendar.IsWorkingDay(x))
            {
                continue;
            }

            visits[index] = x;
            if (timescale.IsOnTime(schedule, index) == makeTimely && (next is null || timescale.IsOnTime(schedule, index + 1) == nextOnTime))
            {
                return true;
            }
        }

        visits[index] = original;
        return false;
    }
}
