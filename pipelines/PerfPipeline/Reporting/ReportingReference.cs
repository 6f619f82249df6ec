namespace PerfPipeline.Reporting;

using PerfPipeline.Reference;

/// <summary>
/// What a dashboard or report is judged against: the LA's targets and the comparators in force, as the warehouse holds
/// them (<see cref="LaReference"/>, read by <see cref="Dashboard.DashboardQuery"/>), and the small-number threshold,
/// which is a setting of the reader, not reference data. Importing new files changes the next dashboard with no rebuild.
/// </summary>
public sealed record ReportingReference(IReadOnlyList<IndicatorTarget> Targets, IReadOnlyList<Comparator> Comparators)
{
    /// <summary>A figure whose denominator is under this is flagged as a small number (default 30).</summary>
    public int SmallNumberThreshold { get; init; } = SmallNumbers.DefaultThreshold;

    // Parsed by the one reference reader, as the warehouse stores them on first use.
    private static readonly Lazy<ReportingReference> ShippedReference = new(() =>
        new ReportingReference([], [.. EmbeddedReference.Files.SelectMany(f => f.Comparators)]));

    /// <summary>
    /// The comparators shipped inside the library and no targets: what a dashboard built with no warehouse shows (the
    /// warehouse starts with the same defaults).
    /// </summary>
    public static ReportingReference Shipped => ShippedReference.Value;

    /// <summary>The view of an LA's reference data in force that the dashboard uses.</summary>
    public static ReportingReference Of(LaReference reference, int smallNumberThreshold = SmallNumbers.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return new ReportingReference(reference.Targets, [.. reference.Comparators.Select(c => c.Comparator)])
        {
            SmallNumberThreshold = smallNumberThreshold,
        };
    }
}
