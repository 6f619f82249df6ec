namespace PerfPipeline.Reporting;

using PerfPipeline.Calendar;
using PerfPipeline.Reference;

/// <summary>
/// Picks the comparator a report shows for a period: for the geography asked (England by default), the latest
/// figure whose own period ended on or before the reporting period ended. A 2023-24 report therefore shows the
/// newest national figure loaded, and a 2019-20 Q2 report never shows a figure published for a later year.
/// </summary>
public static class NationalFigure
{
    public static Comparator? Latest(IEnumerable<Comparator> comparators, string indicator, Period period, string geography = Comparator.England)
    {
        ArgumentNullException.ThrowIfNull(comparators);
        return comparators
            .Where(c => c.IndicatorCode == indicator && c.Geography == geography && c.PeriodEnd <= period.End)
            .OrderByDescending(c => c.PeriodEnd)
            .FirstOrDefault();
    }

    /// <summary>
    /// The column heading for a figure, with its own period as published: "England 2018-19" for a year code,
    /// "England, calendar year 2018" for a described period.
    /// </summary>
    public static string Label(Comparator comparator)
    {
        ArgumentNullException.ThrowIfNull(comparator);
        var place = comparator.Geography switch
        {
            Comparator.England => "England",
            "statistical-neighbours" => "Statistical neighbours",
            var g when g.StartsWith("region:", StringComparison.Ordinal) => g["region:".Length..],
            var g => g,
        };
        return comparator.Period.Length > 0 && char.IsAsciiDigit(comparator.Period[0]) ? $"{place} {comparator.Period}" : $"{place}, {comparator.Period}";
    }
}
