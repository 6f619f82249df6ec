namespace PerfPipeline.Dashboard;

/// <summary>
/// On one team's dashboard: which team, the measures that stay LA-only (shown as not available) and why, and for each
/// measure split by team how the period's team figures add up to the LA's.
/// </summary>
public sealed record DashboardTeam(
    string Key,
    string Label,
    IReadOnlyList<DashboardLaOnly> LaOnly,
    IReadOnlyList<DashboardTeamSum> Sums)
{
    /// <summary>The team's name in the LA's department list (<c>ssd_department</c>); null when no list names it (shown by its key).</summary>
    public string? Name { get; init; }

    /// <summary>The parent department's key from the department list; null when it gives none.</summary>
    public string? ParentKey { get; init; }

    /// <summary>How the parent department is shown (its name, else its key); null when there is no parent.</summary>
    public string? ParentLabel { get; init; }
}

/// <summary>A measure the contract gives no team for.</summary>
public sealed record DashboardLaOnly(string Code, string Reason);

/// <summary>
/// One split measure in the period: the LA's numerator and denominator, the sum over every team (no team recorded
/// included), what no team recorded holds, the difference (LA − teams; 0 when every row found one team) and how a
/// row is given its team, which explains a child whose visits fall under two teams after a move.
/// </summary>
public sealed record DashboardTeamSum(
    string Code,
    decimal? LaNumerator,
    decimal? LaDenominator,
    decimal? TeamsNumerator,
    decimal? TeamsDenominator,
    decimal? NoTeamRecordedNumerator,
    decimal? NoTeamRecordedDenominator,
    decimal? NumeratorDifference,
    decimal? DenominatorDifference,
    string CountedBy);
