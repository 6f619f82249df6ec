namespace PerfPipeline.Indicators;

/// <summary>
/// One measure of the catalogue: everything the engine, the warehouse's <c>dim_indicator</c>, the JSON and
/// the tables need to know about it. <see cref="Precision"/> is the number of decimal places displayed.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Label,
    DashboardItem Item,
    IndicatorUnit Unit,
    IndicatorPolarity Polarity,
    int Precision,
    IndicatorKind Kind)
{
    /// <summary>
    /// The latest England comparator among the shipped defaults, when one is published (<see cref="NationalComparatorList"/>):
    /// read when asked, since the reference reader checks indicator codes against this catalogue.
    /// </summary>
    public NationalComparator? National => NationalComparatorList.ByIndicator.GetValueOrDefault(Code);

    /// <summary>Position in the catalogue (1-based), the order of the dashboard.</summary>
    public int SortOrder { get; init; }
}
