namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators.Teams;

/// <summary>
/// A measure over children (counted once each, by person number, with a numerator flag) that belong to the team
/// holding their case on the period's last day: children on a plan or in care, children starting a plan.
/// </summary>
internal sealed class TeamAtPeriodEnd(
    IReadOnlyList<string> teams, Func<Period, IEnumerable<(int Person, bool Flag)>> counted, KeyIndex persons, CaseHolders holders,
    FlowStatistic statistic) : ITeamMeasure
{
    public IReadOnlyDictionary<string, Measurement> Measure(Period period)
    {
        var tallies = teams.ToDictionary(t => t, _ => (Persons: 0L, Flagged: 0L), StringComparer.Ordinal);
        foreach (var (person, flag) in counted(period))
        {
            var team = holders.TeamAt(persons.KeyOf(person), period.End);
            var (count, flagged) = tallies.GetValueOrDefault(team);
            tallies[team] = (count + 1, flagged + (flag ? 1 : 0));
        }

        return tallies.ToDictionary(
            t => t.Key,
            t => statistic == FlowStatistic.Percent ? Measurement.Percent(t.Value.Flagged, t.Value.Persons) : Measurement.Count(t.Value.Persons),
            StringComparer.Ordinal);
    }
}
