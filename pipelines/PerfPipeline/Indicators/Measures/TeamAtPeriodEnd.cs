namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// A measure over children (counted once each, by person number, with a numerator flag) that belong to the team
/// holding their case on the period's last day: children starting a plan, children in care with several workers.
/// </summary>
internal sealed class TeamAtPeriodEnd(
    IReadOnlyList<string> teams, Func<Period, IEnumerable<(int Person, bool Flag)>> counted, CaseHolders holders, FlowStatistic statistic)
    : ITeamMeasure
{
    public IReadOnlyDictionary<string, Measurement> Measure(Period period)
    {
        // Tallied by the holders' team numbers; teams no involvement names hold no case, so count none.
        var day = period.End.DayNumber;
        var persons = new long[holders.TeamCount];
        var flagged = new long[holders.TeamCount];
        foreach (var (person, flag) in counted(period))
        {
            var team = holders.TeamOf(person, day);
            persons[team]++;
            flagged[team] += flag ? 1 : 0;
        }

        var measurements = new Dictionary<string, Measurement>(teams.Count, StringComparer.Ordinal);
        foreach (var team in teams)
        {
            measurements[team] = Tally(0, 0);
        }

        for (var team = 0; team < holders.TeamCount; team++)
        {
            measurements[holders.TeamKey(team)] = Tally(persons[team], flagged[team]);
        }

        return measurements;
    }

    private Measurement Tally(long persons, long flagged) =>
        statistic == FlowStatistic.Percent ? Measurement.Percent(flagged, persons) : Measurement.Count(persons);
}
