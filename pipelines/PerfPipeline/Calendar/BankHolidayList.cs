namespace PerfPipeline.Calendar;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Reference;

/// <summary>
/// The England and Wales bank holidays shipped as <c>seeds/reference/bank-holidays.csv</c>
/// (columns <c>date,title,notes,source</c>), embedded into the library.
/// </summary>
public static class BankHolidayList
{
    internal const string FileName = "bank-holidays.csv";

    private static readonly Lazy<IReadOnlyList<BankHoliday>> Embedded = new(() =>
    {
        using var stream = EmbeddedReference.Open(FileName);
        return Parse(stream);
    });

    /// <summary>Every bank holiday in the shipped file, in date order.</summary>
    public static IReadOnlyList<BankHoliday> EnglandAndWales => Embedded.Value;

    /// <summary>The calendar years the shipped file covers; other years fall back to <see cref="StatutoryBankHolidays"/>.</summary>
    public static (int First, int Last) CoveredYears => (EnglandAndWales[0].Date.Year, EnglandAndWales[^1].Date.Year);

    public static IReadOnlyList<BankHoliday> Parse(Stream stream)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(stream);
        var holidays = new List<BankHoliday>();
        foreach (var row in reader)
        {
            holidays.Add(new BankHoliday(
                DateOnly.ParseExact(row["date"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                row["title"].ToString(),
                row["notes"].ToString(),
                row["source"].ToString()));
        }

        holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        return holidays;
    }
}
