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

    public static IEnumerable<DateRow> Dates(Func<DateOnly, bool> isWorkingDay)
    {
        for (var date = First; date <= Last; date = date.AddDays(1))
        {
            var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var working = isWorkingDay(date);
            var financialYear = Period.FinancialYear(Period.FinancialYearStart(date));
            var quarterNumber = ((date.Month + 8) % 12 / 3) + 1;
            yield return new DateRow(
                (date.Year * 10000) + (date.Month * 100) + date.Day,
                date,
                Period.Month(date.Year, date.Month).Code,
                date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek,
                financialYear.Start.Year,
                financialYear.Code,
                quarterNumber,
                Period.Quarter(financialYear.Start.Year, quarterNumber).Code,
                weekend,
                IsBankHoliday: !weekend && !working,
                working);
        }
    }

    /// <summary>Every month, quarter and financial year of the range.</summary>
    public static IEnumerable<Period> Periods()
    {
        var years = Enumerable.Range(FirstFinancialYear, LastFinancialYear - FirstFinancialYear + 1).ToList();
        return years.SelectMany(year => Enumerable.Range(0, 12).Select(i => new DateOnly(year, 4, 1).AddMonths(i)).Select(m => Period.Month(m.Year, m.Month)))
            .Concat(years.SelectMany(year => Enumerable.Range(1, 4).Select(q => Period.Quarter(year, q))))
            .Concat(years.Select(Period.FinancialYear));
    }

    public static string TypeCode(Period period) => period.Type switch
    {
        PeriodType.Month => "month",
        PeriodType.Quarter => "quarter",
        _ => "financial_year",
    };

    public static string FinancialYearCode(Period period) => Period.FinancialYear(Period.FinancialYearStart(period.Start)).Code;

    internal sealed record DateRow(
        int DateKey, DateOnly Date, string MonthCode, int DayOfWeek, int FinancialYearStart, string FinancialYearCode,
        int FyQuarter, string FyQuarterCode, bool IsWeekend, bool IsBankHoliday, bool IsWorkingDay)
    {
        public string CalendarDate => Date.ToString(StoredValues.DateFormat, CultureInfo.InvariantCulture);
    }
}
