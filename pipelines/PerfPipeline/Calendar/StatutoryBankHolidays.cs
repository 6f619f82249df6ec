namespace PerfPipeline.Calendar;

/// <summary>
/// The regular England and Wales bank holidays of a year from the standing rules (Banking and Financial
/// Dealings Act 1971 and the usual proclamations): New Year's Day, Good Friday, Easter Monday, the first
/// and last Mondays of May, the last Monday of August, Christmas Day and Boxing Day, with a substitute
/// weekday when one falls at a weekend. One-off days (jubilees, royal events, moved days) are not
/// rules: they come only from the published list.
/// </summary>
public static class StatutoryBankHolidays
{
    public static IReadOnlyList<DateOnly> For(int year)
    {
        var easterSunday = EasterSunday(year);
        var days = new List<DateOnly>(8)
        {
            NextWeekday(new DateOnly(year, 1, 1)),
            easterSunday.AddDays(-2),
            easterSunday.AddDays(1),
            FirstMonday(year, 5),
            LastMonday(year, 5),
            LastMonday(year, 8),
        };

        // Christmas and Boxing Day: a weekend day moves to the next weekday not already taken.
        var christmas = new DateOnly(year, 12, 25);
        var christmasObserved = NextWeekday(christmas);
        var boxingObserved = NextWeekday(christmas.AddDays(1));
        if (boxingObserved == christmasObserved)
        {
            boxingObserved = NextWeekday(boxingObserved.AddDays(1));
        }

        days.Add(christmasObserved);
        days.Add(boxingObserved);
        days.Sort();
        return days;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static DateOnly NextWeekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
