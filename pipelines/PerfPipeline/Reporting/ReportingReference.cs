namespace PerfPipeline.Reporting;

using PerfPipeline.Indicators;
using PerfPipeline.Reference;

/// <summary>
/// The reference data a report is judged against: the LA's targets, the published comparators and the
/// small-number threshold. Data, not code: loading new files changes the next report with no rebuild.
/// </summary>
public sealed record ReportingReference(IReadOnlyList<IndicatorTarget> Targets, IReadOnlyList<Comparator> Comparators)
{
    /// <summary>A figure whose denominator is under this is flagged as a small number (default 30).</summary>
    public int SmallNumberThreshold { get; init; } = SmallNumbers.DefaultThreshold;

    private static readonly Lazy<ReportingReference> ShippedReference = new(() =>
    {
        using var stream = EmbeddedReference.Open(NationalComparatorList.FileName);
        return new ReportingReference([], ReportingReferenceCsv.ReadComparators(stream, NationalComparatorList.FileName));
    });

    /// <summary>The comparators shipped inside the library and no targets: what a dashboard shows with no reference files loaded.</summary>
    public static ReportingReference Shipped => ShippedReference.Value;
}
