namespace PerfPipeline.Indicators;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Reference;

/// <summary>
/// The England comparators of <c>seeds/reference/comparators.csv</c>
/// (columns <c>indicator,period,value,unit,source_note</c>), embedded into the library.
/// </summary>
public static class NationalComparatorList
{
    internal const string FileName = "comparators.csv";

    private static readonly Lazy<IReadOnlyDictionary<string, NationalComparator>> Embedded = new(() =>
    {
        using var stream = EmbeddedReference.Open(FileName);
        return Parse(stream);
    });

    /// <summary>The shipped comparators by indicator code.</summary>
    public static IReadOnlyDictionary<string, NationalComparator> ByIndicator => Embedded.Value;

    public static IReadOnlyDictionary<string, NationalComparator> Parse(Stream stream)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(stream);
        var comparators = new Dictionary<string, NationalComparator>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            comparators.Add(
                row["indicator"].ToString(),
                new NationalComparator(
                    decimal.Parse(row["value"].Span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                    row["period"].ToString(),
                    row["source_note"].ToString()));
        }

        return comparators;
    }
}
