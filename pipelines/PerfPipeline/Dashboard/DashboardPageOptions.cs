namespace PerfPipeline.Dashboard;

/// <summary>
/// How a page is served. The defaults give the self-contained page (chart library inlined, no pickers) that can be
/// saved and mailed; a server links the library instead (<see cref="ChartLibraryUrl"/>) and adds the pickers.
/// </summary>
public sealed record DashboardPageOptions(string? ChartLibraryUrl = null, DashboardPickers? Pickers = null)
{
    public static DashboardPageOptions SelfContained { get; } = new();
}
