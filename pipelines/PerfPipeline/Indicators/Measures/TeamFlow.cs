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

    public static TeamFlow Create<T>(
        IReadOnlyList<string> teams, IEnumerable<T> rows, Func<T, DateOnly?> date, Func<T, string> team, Func<T, long> numerator,
        FlowStatistic statistic)
    {
        // One pass sorting the dated events into their teams' lists (a team whose events have no date measures as one with none).
        var events = new Dictionary<string, (List<int> Days, List<long> Numerators)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (date(row) is not { } day)
            {
                continue;
            }

            var key = team(row);
            if (!events.TryGetValue(key, out var teamEvents))
            {
                events[key] = teamEvents = ([], []);
            }

            teamEvents.Days.Add(day.DayNumber);
            teamEvents.Numerators.Add(numerator(row));
        }

        var byTeam = events.ToDictionary(
            e => e.Key, e => FlowSeries.FromEvents(e.Value.Days, e.Value.Numerators, statistic), StringComparer.Ordinal);
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
