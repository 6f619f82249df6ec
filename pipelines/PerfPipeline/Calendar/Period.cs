namespace PerfPipeline.Calendar;

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

public enum PeriodType
{
    Month,
    Quarter,
    FinancialYear,
}

/// <summary>
/// A reporting period: a month (<c>2019-09</c>), a financial-year quarter (<c>2019-20 Q2</c>, Q1 = Apr-Jun)
/// or a financial year (<c>2019-20</c> = 2019-04-01 .. 2020-03-31). Both ends are inclusive.
/// </summary>
public readonly record struct Period(PeriodType Type, DateOnly Start, DateOnly End)
{
    /// <summary>The earliest year a period code may start in (no record of the service runs earlier).</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a period code may start in: dates after 2100 are row errors, so no period later has data.</summary>
    public const int MaxYear = 2100;

    /// <summary>The period code as published: <c>2019-09</c>, <c>2019-20 Q2</c> or <c>2019-20</c>.</summary>
    public string Code => Type switch
    {
        PeriodType.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodType.Quarter => $"{FinancialYearCode(FinancialYearStart(Start))} Q{QuarterNumber(Start)}",
        _ => FinancialYearCode(Start.Year),
    };

    public static Period Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(PeriodType.Month, start, start.AddMonths(1).AddDays(-1));
    }

    /// <summary>Quarter <paramref name="quarter"/> (1-4) of the financial year starting in April of <paramref name="financialYearStart"/>.</summary>
    public static Period Quarter(int financialYearStart, int quarter)
    {
        if (quarter is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(quarter), quarter, "A quarter is 1 to 4.");
        }

        var start = new DateOnly(financialYearStart, 4, 1).AddMonths(3 * (quarter - 1));
        return new(PeriodType.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    public static Period FinancialYear(int financialYearStart) =>
        new(PeriodType.FinancialYear, new DateOnly(financialYearStart, 4, 1), new DateOnly(financialYearStart + 1, 3, 31));

    public static Period MonthContaining(DateOnly date) => Month(date.Year, date.Month);

    public static Period QuarterContaining(DateOnly date) => Quarter(FinancialYearStart(date), QuarterNumber(date));

    public static Period FinancialYearContaining(DateOnly date) => FinancialYear(FinancialYearStart(date));

    /// <summary>
    /// Every month, then every quarter, then every financial year that the dates <paramref name="from"/> ..
    /// <paramref name="to"/> (inclusive) touch, each in date order.
    /// </summary>
    public static IReadOnlyList<Period> Touching(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return [];
        }

        var periods = new List<Period>();
        AddEach(periods, MonthContaining(from), to, static p => MonthContaining(p.End.AddDays(1)));
        AddEach(periods, QuarterContaining(from), to, static p => QuarterContaining(p.End.AddDays(1)));
        AddEach(periods, FinancialYearContaining(from), to, static p => FinancialYearContaining(p.End.AddDays(1)));
        return periods;
    }

    /// <summary>The latest quarter that has ended by <paramref name="asAt"/> (its last day ≤ as-at date).</summary>
    public static Period LatestCompleteQuarter(DateOnly asAt)
    {
        var quarter = QuarterContaining(asAt);
        return quarter.End == asAt ? quarter : QuarterContaining(quarter.Start.AddDays(-1));
    }

    /// <summary>The year in which the financial year containing <paramref name="date"/> starts.</summary>
    public static int FinancialYearStart(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static Period Parse(string code) =>
        TryParse(code, out var period) ? period : throw new FormatException($"'{code}' is not a period code (2019-09, 2019-20 Q2 or 2019-20).");

    /// <summary>
    /// Parses a period code. <c>2011-12</c> is a financial year (its second part is the next year), never December 2011.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? code, out Period period)
    {
        period = default;
        var s = code?.Trim();
        if (s is null || s.Length < 7 || s[4] != '-' || !TryDigits(s.AsSpan(0, 4), out var year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        if (!TryDigits(s.AsSpan(5, 2), out var second))
        {
            return false;
        }

        var isFinancialYear = second == (year + 1) % 100;
        if (s.Length == 7)
        {
            if (isFinancialYear)
            {
                period = FinancialYear(year);
                return true;
            }

            if (second is >= 1 and <= 12)
            {
                period = Month(year, second);
                return true;
            }

            return false;
        }

        if (isFinancialYear && s.Length == 10 && s[7] == ' ' && (s[8] == 'Q' || s[8] == 'q') && s[9] is >= '1' and <= '4')
        {
            period = Quarter(year, s[9] - '0');
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="code"/> is shaped like a period code (<c>yyyy-nn</c> or <c>yyyy-nn Qn</c>) but its year is
    /// outside <see cref="MinYear"/>..<see cref="MaxYear"/>: a period that can have no data (404), not a malformed code (400).
    /// </summary>
    public static bool IsOutOfRange(string? code)
    {
        var s = code?.Trim();
        if (s is null || s.Length < 7 || s[4] != '-' || !TryDigits(s.AsSpan(0, 4), out var year) || !TryDigits(s.AsSpan(5, 2), out var second)
            || year is >= MinYear and <= MaxYear)
        {
            return false;
        }

        var isFinancialYear = second == (year + 1) % 100;
        return s.Length == 7
            ? isFinancialYear || second is >= 1 and <= 12
            : isFinancialYear && s.Length == 10 && s[7] == ' ' && (s[8] == 'Q' || s[8] == 'q') && s[9] is >= '1' and <= '4';
    }

    public static Period Parse(string code, PeriodType type) =>
        TryParse(code, type, out var period) ? period : throw new FormatException($"'{code}' is not a {type} period code.");

    /// <summary>
    /// Parses a code known to be of <paramref name="type"/>: the only way to read back the months whose code
    /// reads like a financial year (<c>2011-12</c> as December 2011), for stores that keep the type.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? code, PeriodType type, out Period period)
    {
        var s = code?.Trim();
        if (type == PeriodType.Month && s is { Length: 7 } && s[4] == '-'
            && TryDigits(s.AsSpan(0, 4), out var year) && year is >= MinYear and <= MaxYear
            && TryDigits(s.AsSpan(5, 2), out var month) && month is >= 1 and <= 12)
        {
            period = Month(year, month);
            return true;
        }

        if (type != PeriodType.Month && TryParse(s, out period) && period.Type == type)
        {
            return true;
        }

        period = default;
        return false;
    }

    /// <summary>The same period one year earlier.</summary>
    public Period SamePeriodLastYear() => Type switch
    {
        PeriodType.Month => Month(Start.Year - 1, Start.Month),
        PeriodType.Quarter => Quarter(FinancialYearStart(Start) - 1, QuarterNumber(Start)),
        _ => FinancialYear(Start.Year - 1),
    };

    /// <summary>The financial year before the one this period falls in.</summary>
    public Period PreviousFinancialYear() => FinancialYear(FinancialYearStart(Start) - 1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public override string ToString() => Code;

    private static void AddEach(List<Period> periods, Period first, DateOnly to, Func<Period, Period> next)
    {
        for (var period = first; period.Start <= to; period = next(period))
        {
            periods.Add(period);
        }
    }

    /// <summary>The financial-year quarter (1 = Apr-Jun .. 4 = Jan-Mar) a date falls in.</summary>
    public static int QuarterNumber(DateOnly date) => ((date.Month + 8) % 12 / 3) + 1;

    private static string FinancialYearCode(int startYear) =>
        string.Create(CultureInfo.InvariantCulture, $"{startYear}-{(startYear + 1) % 100:00}");

    private static bool TryDigits(ReadOnlySpan<char> span, out int value) =>
        int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
