namespace PerfPipeline.Dashboard;

using System.Text.Json.Serialization;

/// <summary>
/// The dashboard of one LA for one period, as the JSON endpoint serves it (docs/spec/interfaces.md):
/// items and measures in the order of the published dashboard. <see cref="Team"/> is set on one team's dashboard
/// (docs/teams.md) and left out of the JSON otherwise.
/// </summary>
public sealed record DashboardDocument(
    string LaCode,
    string? LaName,
    string Period,
    DashboardComparisons ComparedWith,
    DateOnly? DataAsAt,
    IReadOnlyList<DashboardSection> Items,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DashboardTeam? Team = null)
{
    /// <summary>Figures over fewer cases than this are flagged as small numbers.</summary>
    public int SmallNumberThreshold { get; init; } = Reporting.SmallNumbers.DefaultThreshold;
}
