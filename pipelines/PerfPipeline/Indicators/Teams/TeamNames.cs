namespace PerfPipeline.Indicators.Teams;

/// <summary>
/// One team of the LA's department list (<c>ssd_department</c>), as the newest batch that lists it gives it: its key
/// (the id the team columns hold), its name, its parent's key and the label pages show (the name; the name with the id
/// after it where two departments share the name; the id where the list gives no name).
/// </summary>
public sealed record TeamName(string Key, string? Name, string? ParentKey, string Label);

/// <summary>
/// The names of an LA's teams. Teams stay keyed by the team columns' value; a name is only what is shown, so figures,
/// filters and series never depend on it. Without a department list every team is shown by its key, as before.
/// </summary>
public sealed class TeamNames
{
    private readonly Dictionary<string, TeamName> _byKey;

    public TeamNames(IEnumerable<TeamName> teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        _byKey = teams.ToDictionary(t => t.Key, StringComparer.Ordinal);
    }

    /// <summary>No department list: every team shown by its key.</summary>
    public static TeamNames None { get; } = new([]);

    public int Count => _byKey.Count;

    /// <summary>The team's entry in the department list; null when no list names it.</summary>
    public TeamName? Find(string teamKey) => _byKey.GetValueOrDefault(teamKey);

    /// <summary>What a page shows for the team key: its department label, else the key (<see cref="TeamKeys.Label"/>).</summary>
    public string Label(string teamKey) =>
        teamKey != TeamKeys.NoTeamRecorded && Find(teamKey) is { } team ? team.Label : TeamKeys.Label(teamKey);

    /// <summary>The parent department's key, or null.</summary>
    public string? ParentKey(string teamKey) => Find(teamKey)?.ParentKey;

    /// <summary>The parent department's label, or null when the team has no parent in the list.</summary>
    public string? ParentLabel(string teamKey) => ParentKey(teamKey) is { } parent ? Label(parent) : null;
}
