namespace PerfPipeline.Cli.Commands;

/// <summary>How <c>dashboard</c> prints: a table like the published one, the endpoint's JSON, or the HTML page.</summary>
internal enum DashboardFormat
{
    Table,
    Json,
    Html,
}
