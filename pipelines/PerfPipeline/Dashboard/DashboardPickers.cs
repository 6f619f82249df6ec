namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;

/// <summary>
/// What the page's pickers offer: the LAs with committed loads, and the quarters and financial years that have
/// values for the LA shown, newest first, with the shown LA and period selected.
/// </summary>
public sealed record DashboardPickers(
    IReadOnlyList<DashboardChoice> LocalAuthorities,
    IReadOnlyList<DashboardChoice> Quarters,
    IReadOnlyList<DashboardChoice> FinancialYears,
    string SelectedLa,
    string SelectedPeriod)
{
    /// <summary>The LA's teams (docs/teams.md), keys with labels; empty when it has no figures by team.</summary>
    public IReadOnlyList<DashboardChoice> Teams { get; init; } = [];

    /// <summary>The team shown; empty for the whole LA.</summary>
    public string SelectedTeam { get; init; } = string.Empty;

    /// <summary>
    /// The pickers for <paramref name="laCode"/> and <paramref name="period"/>: every LA of
    /// <paramref name="localAuthorities"/> labelled with its name when known, and the periods of
    /// <paramref name="values"/> (the LA's current indicator values) with at least one figure. Pure.
    /// </summary>
    public static DashboardPickers For(
        IEnumerable<LocalAuthorityRecord> localAuthorities, IEnumerable<IndicatorValue> values, string laCode, Period period)
    {
        ArgumentNullException.ThrowIfNull(localAuthorities);
        ArgumentNullException.ThrowIfNull(values);
        var las = localAuthorities
            .Select(a => new DashboardChoice(a.LaCode, string.IsNullOrWhiteSpace(a.LaName) ? a.LaCode : $"{a.LaName} ({a.LaCode})"))
            .OrderBy(c => c.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var periods = values.Where(v => v.Value is not null).Select(v => v.Period).Distinct().OrderByDescending(p => p.Start).ToList();
        return new DashboardPickers(las, Choices(periods, PeriodType.Quarter), Choices(periods, PeriodType.FinancialYear), laCode, period.Code);
    }

    private static List<DashboardChoice> Choices(IEnumerable<Period> periods, PeriodType type) =>
        [.. periods.Where(p => p.Type == type).Select(p => new DashboardChoice(p.Code, p.Code))];
}
