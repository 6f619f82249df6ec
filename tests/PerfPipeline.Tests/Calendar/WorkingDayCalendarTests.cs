namespace PerfPipeline.Tests.Calendar;

using System.Globalization;

using PerfPipeline.Calendar;

public sealed class WorkingDayCalendarTests
{
    private readonly WorkingDayCalendar _sut = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2022-09-19", false)] // state funeral of Queen Elizabeth II (a Monday)
    [InlineData("2022-09-20", true)]
    [InlineData("2023-05-08", false)] // coronation of King Charles III (a Monday)
    [InlineData("2023-05-09", true)]
    [InlineData("2019-08-26", false)] // summer bank holiday
    [InlineData("2019-08-24", false)] // Saturday
    [InlineData("2019-08-25", false)] // Sunday
    [InlineData("2035-12-25", false)] // beyond the shipped list: the statutory rules
    [InlineData("2035-12-24", true)]
    public void IsWorkingDay_KnowsWeekendsAndBankHolidays(string date, bool expected)
    {
        Assert.Equal(expected, _sut.IsWorkingDay(Day(date)));
    }

    [Theory]
    [InlineData("2019-07-01", "2019-07-01", 0)] // the start day is day 0
    [InlineData("2019-07-02", "2019-07-01", 0)] // end before start
    [InlineData("2019-07-05", "2019-07-08", 1)] // Friday to Monday
    [InlineData("2019-07-06", "2019-07-07", 0)] // Saturday to Sunday
    [InlineData("2019-07-01", "2019-07-15", 10)] // two weeks
    [InlineData("2019-08-23", "2019-08-27", 1)] // Friday to Tuesday over the summer bank holiday
    [InlineData("2019-07-01", "2019-09-03", 45)] // nine weeks and a day, less the summer bank holiday
    [InlineData("2019-07-01", "2019-09-04", 46)]
    [InlineData("2022-09-16", "2022-09-20", 1)] // over the state funeral
    public void WorkingDaysBetween_CountsDaysAfterTheStartUpToTheEnd(string from, string to, int expected)
    {
        Assert.Equal(expected, _sut.WorkingDaysBetween(Day(from), Day(to)));
    }

    [Fact]
    public void WorkingDaysBetween_AgreesWithCountingDayByDay()
    {
        var random = new Random(872);
        for (var i = 0; i < 300; i++)
        {
            // Ranges inside the table and reaching past both of its ends.
            var from = new DateOnly(1890, 1, 1).AddDays(random.Next(0, 330 * 365));
            var to = from.AddDays(random.Next(-10, 4000));

            var expected = 0;
            for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            {
                expected += _sut.IsWorkingDay(d) ? 1 : 0;
            }

            Assert.Equal(expected, _sut.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void Of_TheSameDatesReadAgain_OneCalendar()
    {
        // Each load reads the warehouse's holidays into a new list: the calendar is built once for their dates.
        var first = WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales]);
        var again = WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales.Select(h => h with { Title = "read again" })]);

        Assert.Same(first, again);
        Assert.False(again.IsWorkingDay(Day("2022-09-19")));
    }

    [Fact]
    public void Of_OtherDates_TheirOwnCalendar()
    {
        var shipped = WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales]);
        var oneOff = new BankHoliday(Day("2019-07-03"), "One-off", string.Empty, "test");
        var withOneOff = WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales, oneOff]);
        var without = WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales.Where(h => h.Date != Day("2019-08-26"))]);

        Assert.NotSame(shipped, withOneOff);
        Assert.False(withOneOff.IsWorkingDay(Day("2019-07-03")));
        Assert.Equal(9, withOneOff.WorkingDaysBetween(Day("2019-07-01"), Day("2019-07-15")));
        Assert.True(without.IsWorkingDay(Day("2019-08-26")));
        Assert.True(shipped.IsWorkingDay(Day("2019-07-03")));
        Assert.False(WorkingDayCalendar.Of([.. BankHolidayList.EnglandAndWales]).IsWorkingDay(Day("2019-08-26")));
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);
}
