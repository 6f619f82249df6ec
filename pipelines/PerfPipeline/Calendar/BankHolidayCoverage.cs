namespace PerfPipeline.Calendar;

using System.Globalization;

/// <summary>
/// Whether the loaded bank holidays reach a date. Past the list's last year the working-day calendar counts with the
/// statutory rules (<see cref="StatutoryBankHolidays"/>), which know no one-off day announced later (a jubilee, a state
/// funeral) nor a substitute day moved by proclamation: a figure there may be a working day out, so it is said.
/// </summary>
public static class BankHolidayCoverage
{
    /// <summary>The last calendar year the list covers; null for an empty list.</summary>
    public static int? LastYear(IReadOnlyCollection<BankHoliday> holidays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        return holidays.Count == 0 ? null : holidays.Max(h => h.Date.Year);
    }

    /// <summary>
    /// Null when the list covers <paramref name="through"/>'s year; otherwise the warning, naming the list's last year,
    /// the days counted with the rules and what to load.
    /// </summary>
    public static string? Warning(IReadOnlyCollection<BankHoliday> holidays, DateOnly through)
    {
        var last = LastYear(holidays);
        if (last >= through.Year)
        {
            return null;
        }

        var to = through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return last is { } year
            ? $"the bank holidays loaded end with {year}: working days from {year + 1}-01-01 to {to} are counted with the statutory rules, "
              + $"which know no one-off bank holiday; import a bank-holidays.csv that covers {through.Year}"
            : $"no bank holidays are loaded: working days to {to} are counted with the statutory rules, which know no one-off bank holiday; "
              + "import a bank-holidays.csv";
    }
}
