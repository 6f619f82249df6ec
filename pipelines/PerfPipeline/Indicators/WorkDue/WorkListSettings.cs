namespace PerfPipeline.Indicators.WorkDue;

/// <summary>How far ahead and back the work list looks; the timescales themselves are the indicators' (<see cref="IndicatorSettings"/>).</summary>
public sealed record WorkListSettings
{
    public static WorkListSettings Default { get; } = new();

    /// <summary>Visits due within this many calendar days of the as-at date are listed, as well as those overdue.</summary>
    public int VisitsDueWithinDays { get; init; } = 7;

    /// <summary>An assessment open for more than this many working days is listed (the timescale is 45).</summary>
    public int AssessmentListedAfterWorkingDays { get; init; } = 35;

    /// <summary>The assessment timescale in working days.</summary>
    public int AssessmentWorkingDays { get; init; } = 45;

    /// <summary>A CP plan reaching this many months is listed ...</summary>
    public int CpPlanMonths { get; init; } = 18;

    /// <summary>... from this many calendar days before it does.</summary>
    public int CpPlanDueWithinDays { get; init; } = 28;

    /// <summary>
    /// Returns from a missing episode in this many days up to the as-at date with no interview yet are listed; older
    /// ones are history for the indicator, not work for this week.
    /// </summary>
    public int ReturnsWithinDays { get; init; } = 28;
}
