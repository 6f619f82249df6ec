namespace PerfPipeline.Indicators;

using PerfPipeline.Reference;
using PerfPipeline.Reporting;

/// <summary>
/// The latest England comparator per indicator among the shipped defaults (<c>seeds/reference/comparators.csv</c>, read
/// by the one reference reader): the catalogue's static national figure, for <c>GET /api/indicators</c> and
/// <c>dim_indicator</c>. Dashboards and reports never use it: they take the comparators in force from the warehouse,
/// per reporting period (docs/reference.md).
/// </summary>
public static class NationalComparatorList
{
    private static readonly Lazy<IReadOnlyDictionary<string, NationalComparator>> Shipped = new(() =>
        ReportingReference.Shipped.Comparators
            .Where(c => c.Geography == Comparator.England)
            .GroupBy(c => c.IndicatorCode, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.PeriodEnd)!)
            .ToDictionary(c => c.IndicatorCode, c => new NationalComparator(c.Value, c.Period, c.SourceNote), StringComparer.Ordinal));

    /// <summary>The shipped comparators by indicator code.</summary>
    public static IReadOnlyDictionary<string, NationalComparator> ByIndicator => Shipped.Value;
}
