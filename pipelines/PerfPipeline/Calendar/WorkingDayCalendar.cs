namespace PerfPipeline.Calendar;

using System.Collections.Concurrent;

/// <summary>
/// Working days: Monday to Friday, not an England and Wales bank holiday. Counting is a subtraction of
/// two prefix counts over a day-indexed table, so the engine can ask millions of times cheaply.
/// </summary>
public sealed class WorkingDayCalendar
{
    // The table spans years the data can plausibly hold; beyond it weekdays are counted without holidays.
    private static readonly DateOnly TableFirst = new(1900, 1, 1);
    private static readonly DateOnly TableLast = new(2199, 12, 31);

    private static readonly Lazy<WorkingDayCalendar> Default = new(() => Of(BankHolidayList.EnglandAndWales));

    // Calendars by the holiday dates they were built from. A process asks for the same holidays again and again (the
    // warehouse's calendar dimension, then every load, each reading the holidays in force afresh), so it builds the
    // 300-year table once per set of holidays rather than once per list read. A process meets one or two sets; the bound
    // only keeps one that meets many (tests) from holding them all.
    private const int KeptCalendars = 16;
    private static readonly ConcurrentDictionary<HolidayDates, WorkingDayCalendar> ByDates = new();

    private readonly int _firstDayNumber;

    // _workingDaysThrough[i] = working days in (TableFirst - 1 day, TableFirst + i days].
    private readonly int[] _workingDaysThrough;
    private readonly HashSet<DateOnly> _holidays;

    internal WorkingDayCalendar(IEnumerable<DateOnly> holidays)
    {
        _holidays = [.. holidays];
        _firstDayNumber = TableFirst.DayNumber;
        _workingDaysThrough = new int[TableLast.DayNumber - _firstDayNumber + 1];
        var running = 0;
        for (var i = 0; i < _workingDaysThrough.Length; i++)
        {
            if (IsWorkingDay(DateOnly.FromDayNumber(_firstDayNumber + i)))
            {
                running++;
            }

            _workingDaysThrough[i] = running;
        }
    }

    /// <summary>
    /// England and Wales: the shipped GOV.UK list for the years it covers, the statutory rules for other years.
    /// </summary>
    public static WorkingDayCalendar EnglandAndWales => Default.Value;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(date);

    /// <summary>
    /// The working days <c>d</c> with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>: the start day is
    /// day 0, and <paramref name="to"/> ≤ <paramref name="from"/> gives 0.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) => to > from ? Through(to) - Through(from) : 0;

    /// <summary>
    /// The day that is working day <paramref name="workingDays"/> counting from <paramref name="from"/> (day 0), so that
    /// <see cref="WorkingDaysBetween"/>(from, result) = workingDays: the date a timescale of that many working days runs out.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = from;
        for (var counted = 0; counted < workingDays;)
        {
            date = date.AddDays(1);
            counted += IsWorkingDay(date) ? 1 : 0;
        }

        return date;
    }

    /// <summary>
    /// The calendar of a loaded list (the warehouse's, in <c>LaCaseData.BankHolidays</c>); the shipped one when none is
    /// given. Kept for the list's dates, so the calendar dimension and every load asking for the same holidays share one
    /// table, however many times the list was read.
    /// </summary>
    public static WorkingDayCalendar Of(IReadOnlyList<BankHoliday>? loaded, WorkingDayCalendar? fallback = null)
    {
        if (loaded is not { Count: > 0 } list)
        {
            return fallback ?? EnglandAndWales;
        }

        var dates = new HolidayDates([.. list.Select(h => h.Date)]);
        if (ByDates.TryGetValue(dates, out var calendar))
        {
            return calendar;
        }

        if (ByDates.Count >= KeptCalendars)
        {
            ByDates.Clear();
        }

        return ByDates.GetOrAdd(dates, static (_, l) => FromBankHolidays(l), list);
    }

    internal static WorkingDayCalendar FromBankHolidays(IReadOnlyList<BankHoliday> published)
    {
        var coveredYears = published.Select(h => h.Date.Year).ToHashSet();
        var ruleYears = Enumerable.Range(TableFirst.Year, TableLast.Year - TableFirst.Year + 1)
            .Where(year => !coveredYears.Contains(year));
        return new(published.Select(h => h.Date).Concat(ruleYears.SelectMany(StatutoryBankHolidays.For)));
    }

    // Working days from the table's origin to the date, signed; outside the table weekdays only.
    private int Through(DateOnly date)
    {
        var index = date.DayNumber - _firstDayNumber;
        if (index < 0)
        {
            return -Weekdays(date, TableFirst.AddDays(-1));
        }

        return index < _workingDaysThrough.Length
            ? _workingDaysThrough[index]
            : _workingDaysThrough[^1] + Weekdays(TableLast, date);
    }

    // Monday-Friday days d with from < d ≤ to (from < to).
    private static int Weekdays(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var count = days / 7 * 5;
        for (var d = from.AddDays((days / 7 * 7) + 1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A list's holiday dates, in its order, compared by value.</summary>
    private sealed class HolidayDates(DateOnly[] dates) : IEquatable<HolidayDates>
    {
        private readonly int _hash = Hash(dates);

        public bool Equals(HolidayDates? other) => other is not null && _hash == other._hash && dates.AsSpan().SequenceEqual(other.Dates);

        public override bool Equals(object? obj) => Equals(obj as HolidayDates);

        public override int GetHashCode() => _hash;

        private ReadOnlySpan<DateOnly> Dates => dates;

        private static int Hash(DateOnly[] dates)
        {
            var hash = default(HashCode);
            foreach (var date in dates)
            {
                hash.Add(date.DayNumber);
            }

            return hash.ToHashCode();
        }
    }
}
