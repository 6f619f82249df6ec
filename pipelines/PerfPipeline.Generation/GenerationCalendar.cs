namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;

/// <summary>
/// Working-day arithmetic for the generator: every working day in a fixed span, indexed, so "n working days
/// after" and "working days between" are subtractions. Uses the engine's own calendar, so generated
/// timescales mean what the measures mean.
/// </summary>
internal sealed class GenerationCalendar
{
    private static readonly DateOnly First = new(1990, 1, 1);
    private static readonly DateOnly Last = new(2040, 12, 31);

    private readonly WorkingDayCalendar _calendar;
    private readonly List<DateOnly> _workingDays = [];

    // _indexOnOrBefore[day - First] = index of the last working day on or before that day.
    private readonly int[] _indexOnOrBefore;

    public GenerationCalendar(WorkingDayCalendar calendar)
    {
        _calendar = calendar;
        _indexOnOrBefore = new int[Last.DayNumber - First.DayNumber + 1];
        var index = -1;
        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                _workingDays.Add(day);
                index++;
            }

            _indexOnOrBefore[day.DayNumber - First.DayNumber] = index;
        }
    }

    public static GenerationCalendar EnglandAndWales { get; } = new(WorkingDayCalendar.EnglandAndWales);

    public bool IsWorkingDay(DateOnly date) => _calendar.IsWorkingDay(date);

    public int WorkingDaysBetween(DateOnly from, DateOnly to) => _calendar.WorkingDaysBetween(from, to);

    /// <summary>Index of the working day on or before <paramref name="date"/>.</summary>
    public int IndexOnOrBefore(DateOnly date) => _indexOnOrBefore[date.DayNumber - First.DayNumber];

    /// <summary>Index of the working day on or after <paramref name="date"/>.</summary>
    public int IndexOnOrAfter(DateOnly date)
    {
        var index = IndexOnOrBefore(date);
        return _workingDays[index] == date ? index : index + 1;
    }

    public DateOnly At(int index) => _workingDays[index];

    public DateOnly OnOrAfter(DateOnly date) => At(IndexOnOrAfter(date));

    public DateOnly OnOrBefore(DateOnly date) => At(IndexOnOrBefore(date));

    /// <summary>The working day <paramref name="count"/> working days after (or before, when negative) a working day.</summary>
    public DateOnly AddWorkingDays(DateOnly workingDay, int count) => At(IndexOnOrAfter(workingDay) + count);

    /// <summary>A working day drawn uniformly from <paramref name="from"/> .. <paramref name="to"/>; null when there is none.</summary>
    public DateOnly? RandomWorkingDay(Random random, DateOnly from, DateOnly to)
    {
        var first = IndexOnOrAfter(from);
        var last = IndexOnOrBefore(to);
        return last < first ? null : At(random.Next(first, last + 1));
    }
}
