namespace PerfPipeline.Api;

/// <summary>The forms a dashboard is served in.</summary>
internal enum DashboardRepresentation
{
    Json,
    Page,
}
