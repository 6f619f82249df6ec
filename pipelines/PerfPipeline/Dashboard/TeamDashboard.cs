namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Warehouse;

/// <summary>One team's dashboard from the LA's current values and its figures by team. Pure: the caller reads.</summary>
public static class TeamDashboard
{
    /// <summary>The teams with figures, ordered, no team recorded last.</summary>
    public static IReadOnlyList<string> Teams(IReadOnlyList<TeamIndicatorValue> teamValues)
    {
        ArgumentNullException.ThrowIfNull(teamValues);
        var teams = teamValues.Select(v => v.TeamKey).Distinct(StringComparer.Ordinal).ToList();
        return [.. teams.Where(t => t != TeamKeys.NoTeamRecorded).Order(StringComparer.Ordinal), .. teams.Where(t => t == TeamKeys.NoTeamRecorded)];
    }

    /// <summary>
    /// The team picker's choices: each team with figures labelled by <paramref name="names"/> (its department name, else
    /// its key), by label, no team recorded last. The value is always the key.
    /// </summary>
    public static IReadOnlyList<DashboardChoice> Choices(IReadOnlyList<TeamIndicatorValue> teamValues, TeamNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var teams = Teams(teamValues);
        return
        [
            .. teams.Where(t => t != TeamKeys.NoTeamRecorded).Select(t => new DashboardChoice(t, names.Label(t)))
                .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Value, StringComparer.Ordinal),
            .. teams.Where(t => t == TeamKeys.NoTeamRecorded).Select(t => new DashboardChoice(t, names.Label(t))),
        ];
    }

    /// <summary>
    /// The dashboard of <paramref name="teamKey"/>: each split measure from the team's own values (trends too), the
    /// LA-only measures not available, judged against the LA's <paramref name="reference"/> (its targets and the
    /// comparators); null when the LA has no figures for that team. The team is labelled by <paramref name="names"/> (its
    /// department name and parent), by its key when none names it.
    /// </summary>
    public static DashboardReadout? Of(
        LocalAuthorityRecord la, Period period, IReadOnlyList<IndicatorValue> laValues, IReadOnlyList<TeamIndicatorValue> teamValues, string teamKey,
        Reporting.ReportingReference? reference = null, TeamNames? names = null)
    {
        names ??= TeamNames.None;
        ArgumentNullException.ThrowIfNull(la);
        ArgumentNullException.ThrowIfNull(laValues);
        ArgumentNullException.ThrowIfNull(teamValues);
        var key = TeamKeys.Of(teamKey);
        var own = teamValues.Where(v => v.TeamKey == key)
            .Select(v => new IndicatorValue(v.LaCode, v.IndicatorCode, v.Period, v.Numerator, v.Denominator, v.Value))
            .ToList();
        if (own.Count == 0)
        {
            return null;
        }

        var readout = DashboardReadout.Of(la, period, own, reference);
        var team = new DashboardTeam(
            key,
            names.Label(key),
            [.. IndicatorCatalogue.All.Where(d => TeamMeasureCatalogue.LaOnly.ContainsKey(d.Code)).Select(d => new DashboardLaOnly(d.Code, TeamMeasureCatalogue.LaOnly[d.Code]))],
            Sums(period, laValues, teamValues))
        {
            Name = names.Find(key)?.Name,
            ParentKey = names.ParentKey(key),
            ParentLabel = names.ParentLabel(key),
        };
        return readout with { Dashboard = readout.Dashboard with { Team = team } };
    }

    /// <summary>How the period's team figures add up to the LA's, per split measure.</summary>
    public static IReadOnlyList<DashboardTeamSum> Sums(Period period, IReadOnlyList<IndicatorValue> laValues, IReadOnlyList<TeamIndicatorValue> teamValues)
    {
        ArgumentNullException.ThrowIfNull(laValues);
        ArgumentNullException.ThrowIfNull(teamValues);
        var sums = new List<DashboardTeamSum>();
        foreach (var definition in IndicatorCatalogue.All.Where(d => TeamMeasureCatalogue.IsByTeam(d.Code)))
        {
            var la = laValues.FirstOrDefault(v => v.IndicatorCode == definition.Code && v.Period == period);
            var teams = teamValues.Where(v => v.IndicatorCode == definition.Code && v.Period == period).ToList();
            if (la is null || teams.Count == 0)
            {
                continue;
            }

            var none = teams.FirstOrDefault(t => t.TeamKey == TeamKeys.NoTeamRecorded);
            var numerator = Sum(teams.Select(t => t.Numerator));
            var denominator = Sum(teams.Select(t => t.Denominator));
            sums.Add(new DashboardTeamSum(
                definition.Code, la.Numerator, la.Denominator, numerator, denominator, none?.Numerator, none?.Denominator,
                la.Numerator - numerator, la.Denominator - denominator, TeamMeasureCatalogue.ByTeam[definition.Code]));
        }

        return sums;
    }

    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        decimal? total = null;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                total = (total ?? 0) + v;
            }
        }

        return total;
    }
}
