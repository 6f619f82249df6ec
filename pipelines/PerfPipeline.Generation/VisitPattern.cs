namespace PerfPipeline.Generation;

using PerfPipeline.Generation.Profile;

/// <summary>
/// How visits are spaced: gaps (in the timescale's unit) for a first visit and later ones, in timescale or
/// late, with the share in timescale taken from the period's target. Visits fall on working days.
/// </summary>
internal sealed class VisitPattern(GenerationContext context, VisitTimescale timescale, FlowTargets<decimal> rates)
{
    public required (int Min, int Max) FirstOnTime { get; init; }
    public required (int Min, int Max) FirstLate { get; init; }
    public required (int Min, int Max) OnTime { get; init; }
    public required (int Min, int Max) Late { get; init; }

    /// <summary>Steps one unit forward from a date: a working day or a calendar day.</summary>
    public required Func<DateOnly, int, DateOnly> Advance { get; init; }

    public VisitTimescale Timescale => timescale;

    public void Fill(VisitSchedule schedule)
    {
        var random = context.Random;
        var last = Dates.Min(schedule.End ?? context.End, context.End);
        var previous = schedule.Anchor;
        while (true)
        {
            var first = schedule.Visits.Count == 0;
            var onTime = random.Chance((double)RateFor(previous) / 100);
            var (min, max) = (first, onTime) switch
            {
                (true, true) => FirstOnTime,
                (true, false) => FirstLate,
                (false, true) => OnTime,
                _ => Late,
            };
            var date = Advance(previous, random.Between(min, max));
            if (!context.Calendar.IsWorkingDay(date))
            {
                var before = context.Calendar.OnOrBefore(date);
                date = before > previous ? before : context.Calendar.OnOrAfter(date);
            }

            if (date > last)
            {
                return;
            }

            schedule.Visits.Add(date);
            previous = date;
        }
    }

    private decimal RateFor(DateOnly date) =>
        context.LastYearQuarter.Contains(date) ? rates.LastYearQuarter
        : context.Quarter.Contains(date) ? rates.Quarter
        : context.Year.Contains(date) ? rates.Year
        : rates.Background;
}
