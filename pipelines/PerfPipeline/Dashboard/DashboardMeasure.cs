namespace PerfPipeline.Dashboard;

using PerfPipeline.Indicators;

/// <summary>
/// One measure's row: its values for the three periods, the direction of travel and the national comparator.
/// <see cref="DirectionComparedWith"/> names the period the direction was taken against (an addition to the
/// interface: the same period last year, or the previous financial year when that is not available).
/// </summary>
public sealed record DashboardMeasure(
    string Code,
    string Label,
    IndicatorUnit Unit,
    IndicatorPolarity Polarity,
    int DisplayPrecision,
    DashboardValue Current,
    DashboardValue SamePeriodLastYear,
    DashboardValue PreviousYear,
    TravelDirection? Direction,
    string? DirectionComparedWith,
    DashboardNational National)
{
    /// <summary>The LA's target in force at the end of the period and the RAG of the current figure; null when the LA set none.</summary>
    public DashboardTarget? Target { get; init; }
}
