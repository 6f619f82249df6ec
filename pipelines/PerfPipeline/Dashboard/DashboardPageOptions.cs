namespace PerfPipeline.Dashboard;

/// <summary>
/// How a page is served. The defaults give the self-contained page (chart library inlined, no pickers) that can be
/// saved and mailed; a server links the library instead (<see cref="ChartLibraryUrl"/>) and adds the pickers.
/// </summary>
public sealed record DashboardPageOptions(string? ChartLibraryUrl = null, DashboardPickers? Pickers = null)
{
    /// <summary>The work due and overdue to list under the measures (the team's when a team is shown); none when null.</summary>
    public Indicators.WorkDue.WorkList? WorkList { get; init; }

    /// <summary>The LA's team names (its department list), for the work list's team column; keys shown when none.</summary>
    public Indicators.Teams.TeamNames TeamNames { get; init; } = Indicators.Teams.TeamNames.None;

    public static DashboardPageOptions SelfContained { get; } = new();
}
