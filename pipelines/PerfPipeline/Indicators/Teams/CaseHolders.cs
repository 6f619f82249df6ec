namespace PerfPipeline.Indicators.Teams;

using PerfPipeline.CaseData;

/// <summary>
/// Who holds a child's case on a date: the professional of the child's involvement open that day
/// (<c>start ≤ date</c> and end null or after it, so a handover day belongs to the new worker), and that
/// involvement's team. With several open, the latest started wins, then the highest involvement id.
/// </summary>
internal sealed class CaseHolders
{
    private readonly Dictionary<string, Involvement[]> _byPerson;

    public CaseHolders(IEnumerable<Involvement> involvements)
    {
        ArgumentNullException.ThrowIfNull(involvements);
        _byPerson = involvements
            .GroupBy(i => i.PersonKey, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.OrderBy(i => i.InvolvementStartDate).ThenBy(i => i.InvolvementId, StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The holder of <paramref name="personKey"/>'s case on <paramref name="date"/>; none when no involvement is open.</summary>
    public CaseHolder At(string personKey, DateOnly date)
    {
        if (!_byPerson.TryGetValue(personKey, out var involvements))
        {
            return CaseHolder.None;
        }

        for (var i = involvements.Length - 1; i >= 0; i--)
        {
            var involvement = involvements[i];
            if (involvement.InvolvementStartDate <= date && (involvement.InvolvementEndDate is not { } end || end > date))
            {
                return new CaseHolder(TeamKeys.Of(involvement.ProfessionalTeam), involvement.ProfessionalKey);
            }
        }

        return CaseHolder.None;
    }

    /// <summary>The team holding the case on the date, or <see cref="TeamKeys.NoTeamRecorded"/>.</summary>
    public string TeamAt(string personKey, DateOnly date) => At(personKey, date).TeamKey;
}

/// <summary>A case's team (<see cref="TeamKeys.NoTeamRecorded"/> when none) and allocated worker's pseudonym (null when none).</summary>
internal readonly record struct CaseHolder(string TeamKey, string? WorkerKey)
{
    public static CaseHolder None => new(TeamKeys.NoTeamRecorded, null);
}
