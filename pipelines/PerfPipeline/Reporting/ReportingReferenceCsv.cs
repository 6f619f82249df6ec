namespace PerfPipeline.Reporting;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Reference;

/// <summary>
/// Reads, for reports, the reference files whose shapes the project agreed (<c>comparators.csv</c>, <c>targets.csv</c>). A bad
/// row is an error naming the file, the line and the column: reference data is small, and a wrong target or
/// comparator silently dropped would colour a report wrongly.
/// </summary>
public static class ReportingReferenceCsv
{
    public const string ComparatorsFileName = "comparators.csv";

    public const string TargetsFileName = "targets.csv";

    /// <summary>
    /// <c>indicator,geography,period,period_end,value,unit,source_note</c>; <c>geography</c> may be absent (England).
    /// The older <c>national-comparators.csv</c> shape, without <c>period_end</c>, is read when the period is a
    /// financial year (<c>2018-19</c>) or a calendar year (<c>calendar year 2018</c>).
    /// </summary>
    public static IReadOnlyList<Comparator> ReadComparators(Stream stream, string source = ComparatorsFileName)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(stream);
        var header = reader.Header;
        var hasGeography = header.ColNames.Contains("geography");
        var hasPeriodEnd = header.ColNames.Contains("period_end");
        var comparators = new List<Comparator>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var period = Required(row, "period", source, line);
            var periodEnd = hasPeriodEnd
                ? ParseDate(Required(row, "period_end", source, line), source, line, "period_end")
                : InferPeriodEnd(period) ?? throw Error(source, line, "period_end", period, "no period_end column, and the period is neither a financial year (2018-19) nor a calendar year (calendar year 2018)");
            var geography = hasGeography ? row["geography"].ToString().Trim() : string.Empty;
            comparators.Add(new Comparator(
                Required(row, "indicator", source, line),
                geography.Length == 0 ? Comparator.England : geography,
                period,
                periodEnd,
                ParseDecimal(Required(row, "value", source, line), source, line, "value"),
                row["unit"].ToString().Trim(),
                row["source_note"].ToString().Trim()));
        }

        return comparators;
    }

    /// <summary><c>indicator,target,tolerance,source,from_date</c>; <c>source</c> is <c>statutory</c> or <c>local</c>.</summary>
    public static IReadOnlyList<IndicatorTarget> ReadTargets(Stream stream, string source = TargetsFileName)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(stream);
        var targets = new List<IndicatorTarget>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            var tolerance = ParseDecimal(Required(row, "tolerance", source, line), source, line, "tolerance");
            if (tolerance < 0)
            {
                throw Error(source, line, "tolerance", tolerance.ToString(CultureInfo.InvariantCulture), "a tolerance is the width of the amber band, never negative");
            }

            var origin = Required(row, "source", source, line);
            targets.Add(new IndicatorTarget(
                Required(row, "indicator", source, line),
                ParseDecimal(Required(row, "target", source, line), source, line, "target"),
                tolerance,
                origin is "statutory" or "local" ? origin : throw Error(source, line, "source", origin, "expected statutory or local"),
                ParseDate(Required(row, "from_date", source, line), source, line, "from_date")));
        }

        return targets;
    }

    /// <summary>The last day of a published period label: <c>2018-19</c> → 2019-03-31, <c>calendar year 2018</c> → 2018-12-31.</summary>
    public static DateOnly? InferPeriodEnd(string period)
    {
        if (period.StartsWith("calendar year ", StringComparison.Ordinal)
            && int.TryParse(period["calendar year ".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var calendarYear))
        {
            return new DateOnly(calendarYear, 12, 31);
        }

        return PerfPipeline.Calendar.Period.TryParse(period, PerfPipeline.Calendar.PeriodType.FinancialYear, out var year) ? year.End : null;
    }

    private static string Required(SepReader.Row row, string column, string source, int line)
    {
        var value = row[column].ToString().Trim();
        return value.Length > 0 ? value : throw Error(source, line, column, value, "a value is required");
    }

    private static decimal ParseDecimal(string value, string source, int line, string column) =>
        decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Error(source, line, column, value, "expected a number such as 90 or 82.7");

    private static DateOnly ParseDate(string value, string source, int line, string column) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(source, line, column, value, "expected a date as yyyy-MM-dd");

    private static FormatException Error(string source, int line, string column, string value, string reason) =>
        new($"{source} line {line}, {column} '{value}': {reason}.");
}
