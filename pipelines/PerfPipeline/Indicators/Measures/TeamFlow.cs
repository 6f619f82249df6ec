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
        var byTeam = rows
            .GroupBy(team, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FlowSeries.Create(g.ToList(), date, numerator, statistic), StringComparer.Ordinal);
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
