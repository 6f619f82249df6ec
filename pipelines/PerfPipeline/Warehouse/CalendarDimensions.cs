namespace PerfPipeline.Warehouse;

using System.Globalization;

using PerfPipeline.Calendar;

/// <summary>
/// The rows of <c>dim_date</c> and <c>dim_period</c>: every day, month, quarter and financial year from FY 2000-01 to
/// FY 2039-40, which covers any as-at date an extract can carry. Periods outside it are added when a value names one.
/// </summary>
internal static class CalendarDimensions
{
    public const int FirstFinancialYear = 2000;
    public const int LastFinancialYear = 2039;

    public static DateOnly First => Period.FinancialYear(FirstFinancialYear).Start;

    public static DateOnly Last => Period.FinancialYear(LastFinancialYear).End;

    public static IEnumerable<DateRow> Dates(WorkingDayCalendar calendar)
    {
        // A month's codes, and its quarter's and financial year's, once per month: every day of it has the same.
        for (var month = Period.MonthContaining(First); month.Start <= Last; month = Period.MonthContaining(month.End.AddDays(1)))
        {
            var financialYear = Period.FinancialYearContaining(month.Start);
            var (monthCode, quarterCode, financialYearCode) = (month.Code, Period.QuarterContaining(month.Start).Code, financialYear.Code);
            var quarterNumber = Period.QuarterNumber(month.Start);
            var last = month.End < Last ? month.End : Last;
            for (var date = month.Start < First ? First : month.Start; date <= last; date = date.AddDays(1))
            {
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var working = calendar.IsWorkingDay(date);
                yield return new DateRow(
                    (date.Year * 10000) + (date.Month * 100) + date.Day,
                    date,
                    monthCode,
                    date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek,
                    financialYear.Start.Year,
                    financialYearCode,
                    quarterNumber,
                    quarterCode,
                    weekend,
                    IsBankHoliday: !weekend && !working,
                    working);
            }
        }
    }

    /// <summary>Every month, quarter and financial year of the range.</summary>
    public static IReadOnlyList<Period> Periods() => Period.Touching(First, Last);

    public static string TypeCode(Period period) => period.Type switch
    {
        PeriodType.Month => "month",
        PeriodType.Quarter => "quarter",
        _ => "financial_year",
    };

    /// <summary>The period a <c>dim_period</c> row stands for, from its type and start date.</summary>
    public static Period PeriodOf(string typeCode, DateOnly start) => typeCode switch
    {
        "month" => Period.MonthContaining(start),
        "quarter" => Period.QuarterContaining(start),
        "financial_year" => Period.FinancialYearContaining(start),
        _ => throw new ArgumentOutOfRangeException(nameof(typeCode), typeCode, "Not a period type of dim_period."),
    };

    public static string FinancialYearCode(Period period) => Period.FinancialYearContaining(period.Start).Code;

    internal sealed record DateRow(
        int DateKey, DateOnly Date, string MonthCode, int DayOfWeek, int FinancialYearStart, string FinancialYearCode,
        int FyQuarter, string FyQuarterCode, bool IsWeekend, bool IsBankHoliday, bool IsWorkingDay)
    {
        public string CalendarDate => Date.ToString(StoredValues.DateFormat, CultureInfo.InvariantCulture);
    }
}
