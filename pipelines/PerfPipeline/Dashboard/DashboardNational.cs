namespace PerfPipeline.Dashboard;

/// <summary>
/// The national comparator shown in the England column: the latest published on or before the period, with its own
/// period as published (<see cref="Label"/>: "England 2018-19"); every field null when none is published.
/// </summary>
public sealed record DashboardNational(decimal? Value, string? Period, string? Display)
{
    /// <summary>The column label with the comparator's own period, e.g. "England 2018-19" or "England, calendar year 2018".</summary>
    public string? Label { get; init; }

    public string? SourceNote { get; init; }
}
