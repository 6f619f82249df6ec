namespace PerfPipeline.Indicators.Teams;

/// <summary>
/// A team is identified by the value the extract's team columns hold (a name, or in SSD a department id), trimmed:
/// figures are keyed on it, so a team's name can come later from a department list without changing any key.
/// </summary>
public static class TeamKeys
{
    /// <summary>
    /// The key of rows whose extract gives no team (blank team, or no allocated worker on the day): shown as
    /// "No team recorded". Parentheses keep it apart from real keys (names or numeric department ids).
    /// </summary>
    public const string NoTeamRecorded = "(none)";

    /// <summary>How <see cref="NoTeamRecorded"/> is shown.</summary>
    public const string NoTeamRecordedLabel = "No team recorded";

    /// <summary>The key of a team column's value; blank gives <see cref="NoTeamRecorded"/>.</summary>
    public static string Of(string? team) => string.IsNullOrWhiteSpace(team) ? NoTeamRecorded : team.Trim();

    /// <summary>What a page shows for the team key.</summary>
    public static string Label(string teamKey) => teamKey == NoTeamRecorded ? NoTeamRecordedLabel : teamKey;
}
