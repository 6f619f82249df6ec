namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// Children open (on a plan, in care) on a period's last day, each counted for the team holding their case that day:
/// each child's merged ranges are cut where their case holder's team changes, so a team's count at D is its pieces
/// started by D minus those ended by D, as <see cref="OpenIntervals"/> counts the LA's. No per-child look-up per period.
/// </summary>
internal sealed class TeamOpenIntervals : ITeamMeasure
{
    private readonly IReadOnlyList<string> _teams;
    private readonly Dictionary<string, (int[] Starts, int[] Ends)> _byTeam;

    private TeamOpenIntervals(IReadOnlyList<string> teams, Dictionary<string, (int[] Starts, int[] Ends)> byTeam)
    {
        _teams = teams;
        _byTeam = byTeam;
    }

    public static TeamOpenIntervals Create(IReadOnlyList<string> teams, OpenIntervals open, CaseHolders holders)
    {
        var starts = new List<int>[holders.TeamCount];
        var ends = new List<int>[holders.TeamCount];
        for (var team = 0; team < holders.TeamCount; team++)
        {
            (starts[team], ends[team]) = ([], []);
        }

        foreach (var (person, start, end) in open.Ranges())
        {
            foreach (var (from, to, team) in holders.Timeline(person))
            {
                // The part of the range [start, end) the team holds: [max(start, from), min(end, to)), when not empty.
                var (pieceStart, pieceEnd) = (Math.Max(start, from), Math.Min(end, to));
                if (pieceStart < pieceEnd)
                {
                    starts[team].Add(pieceStart);
                    ends[team].Add(pieceEnd);
                }
            }
        }

        var byTeam = new Dictionary<string, (int[] Starts, int[] Ends)>(holders.TeamCount, StringComparer.Ordinal);
        for (var team = 0; team < holders.TeamCount; team++)
        {
            int[] teamStarts = [.. starts[team]], teamEnds = [.. ends[team]];
            Array.Sort(teamStarts);
            Array.Sort(teamEnds);
            byTeam[holders.TeamKey(team)] = (teamStarts, teamEnds);
        }

        return new(teams, byTeam);
    }

    public IReadOnlyDictionary<string, Measurement> Measure(Period period)
    {
        var day = period.End.DayNumber;
        var measurements = new Dictionary<string, Measurement>(_teams.Count, StringComparer.Ordinal);
        foreach (var team in _teams)
        {
            measurements[team] = Measurement.Count(_byTeam.TryGetValue(team, out var pieces)
                ? SortedDays.CountThrough(pieces.Starts, day) - SortedDays.CountThrough(pieces.Ends, day)
                : 0);
        }

        return measurements;
    }
}
