namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// A flow measure whose events each belong to a team when they happen (a referral to its team, a visit to the team
/// holding the case that day): one <see cref="FlowSeries"/> per team over the same judged events as the LA's figure,
/// so the teams' numerators and denominators add up to the LA's.
/// </summary>
internal sealed class TeamFlow : ITeamMeasure
{
    private readonly IReadOnlyList<string> _teams;
    private readonly Dictionary<string, FlowSeries> _byTeam;
    private readonly FlowStatistic _statistic;

    private TeamFlow(IReadOnlyList<string> teams, Dictionary<string, FlowSeries> byTeam, FlowStatistic statistic)
    {
        _teams = teams;
        _byTeam = byTeam;
        _statistic = statistic;
    }

    /// <summary>Events whose team is a key (<see cref="Teams.TeamKeys.Of"/> of a row's team column).</summary>
    public static TeamFlow Create<T>(
        IReadOnlyList<string> teams, IEnumerable<T> rows, Func<T, DateOnly?> date, Func<T, string> team, Func<T, long> numerator,
        FlowStatistic statistic)
    {
        // One pass counting the dated events into their teams' tallies (a team whose events have no date measures as one with none).
        var tallies = new Dictionary<string, DayTally>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (date(row) is { } day)
            {
                var key = team(row);
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tallies[key] = tally = new DayTally();
                }

                tally.Add(day.DayNumber, numerator(row));
            }
        }

        return new(teams, tallies.ToDictionary(t => t.Key, t => new FlowSeries(t.Value, statistic), StringComparer.Ordinal), statistic);
    }

    /// <summary>Events whose team is a number, keyed by <paramref name="teamKeys"/> (as <see cref="Teams.CaseHolders"/> numbers them).</summary>
    public static TeamFlow Create<T>(
        IReadOnlyList<string> teams, IReadOnlyList<string> teamKeys, IEnumerable<T> rows, Func<T, int> day, Func<T, int> team,
        Func<T, long> numerator, FlowStatistic statistic)
    {
        var tallies = new DayTally[teamKeys.Count];
        foreach (var row in rows)
        {
            (tallies[team(row)] ??= new DayTally()).Add(day(row), numerator(row));
        }

        var byTeam = new Dictionary<string, FlowSeries>(StringComparer.Ordinal);
        for (var t = 0; t < tallies.Length; t++)
        {
            if (tallies[t] is { } tally)
            {
                byTeam[teamKeys[t]] = new FlowSeries(tally, statistic);
            }
        }

        return new(teams, byTeam, statistic);
    }

    public IReadOnlyDictionary<string, Measurement> Measure(Period period)
    {
        var measurements = new Dictionary<string, Measurement>(_teams.Count, StringComparer.Ordinal);
        foreach (var team in _teams)
        {
            measurements[team] = _byTeam.TryGetValue(team, out var series) ? series.Measure(period) : TeamMeasureSet.Empty(_statistic);
        }

        return measurements;
    }
}
