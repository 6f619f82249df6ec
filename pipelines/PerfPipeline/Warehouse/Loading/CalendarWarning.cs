namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>
/// The warning a load (or a recomputation) records in its audit issues when the loaded bank holidays end before the
/// data's as-at date: its working days there are counted with the statutory rules (<see cref="BankHolidayCoverage"/>).
/// </summary>
internal static class CalendarWarning
{
    public const string Column = "bank_holidays";

    public static ValidationIssue? For(LaCaseData data, DateOnly asAt)
    {
        var holidays = data.BankHolidays ?? BankHolidayList.EnglandAndWales;
        return BankHolidayCoverage.Warning(holidays, asAt) is { } warning
            ? new ValidationIssue(IssueSeverity.Warning, null, null, Column, BankHolidayCoverage.LastYear(holidays)?.ToString(System.Globalization.CultureInfo.InvariantCulture), warning)
            : null;
    }
}
