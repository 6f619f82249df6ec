namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;

/// <summary>
/// The dashboard as the warehouse holds it, with no loading or computing: the current value of every indicator
/// (the latest load's), the LA's name and its newest loaded <c>as_at</c>.
/// </summary>
public static class DashboardQuery
{
    /// <summary>
    /// The dashboard of <paramref name="laCode"/> (default: the LA loaded most recently as at the latest date) for
    /// <paramref name="period"/> (default: <see cref="DefaultPeriod"/>); null when the warehouse has no committed
    /// load for the LA.
    /// </summary>
    public static Task<DashboardReadout?> ReadAsync(
        IWarehouse warehouse, string? laCode = null, Period? period = null, CancellationToken cancellationToken = default) =>
        ReadAsync(warehouse, laCode, period, null, null, cancellationToken);

    /// <summary>
    /// As above, judged against the reference data <paramref name="referenceFor"/> gives for the chosen LA (targets,
    /// comparators; the shipped comparators when null) and with the officers' text from <paramref name="commentary"/>.
    /// </summary>
    public static async Task<DashboardReadout?> ReadAsync(
        IWarehouse warehouse, string? laCode, Period? period, Func<string, Reporting.ReportingReference>? referenceFor,
        Reporting.ICommentaryStore? commentary, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var la = ChooseLocalAuthority(await warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false), laCode);
        if (la is null)
        {
            return null;
        }

        var values = await warehouse.ReadCurrentIndicatorValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        var shown = period ?? DefaultPeriod(la.DataAsAt);
        var written = commentary is null ? null : await commentary.ReadAsync(la.LaCode, shown.Code, cancellationToken).ConfigureAwait(false);
        return DashboardReadout.Of(la, shown, values, referenceFor?.Invoke(la.LaCode), written);
    }

    /// <summary>
    /// As <see cref="ReadAsync"/>, for one team of the LA when <paramref name="teamKey"/> is given (<see cref="TeamDashboard"/>);
    /// null when the warehouse has no load for the LA or no figures for the team.
    /// </summary>
    public static async Task<DashboardReadout?> ReadAsync(
        IWarehouse warehouse, string? laCode, Period? period, string? teamKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        if (string.IsNullOrWhiteSpace(teamKey))
        {
            return await ReadAsync(warehouse, laCode, period, cancellationToken).ConfigureAwait(false);
        }

        var la = ChooseLocalAuthority(await warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false), laCode);
        if (la is null)
        {
            return null;
        }

        var values = await warehouse.ReadCurrentIndicatorValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        var teamValues = await warehouse.ReadCurrentTeamValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        return TeamDashboard.Of(la, period ?? DefaultPeriod(la.DataAsAt), values, teamValues, teamKey);
    }

    /// <summary>The LA asked for, or with none asked for the one with the newest data; null when the warehouse has no such LA.</summary>
    public static LocalAuthorityRecord? ChooseLocalAuthority(IReadOnlyList<LocalAuthorityRecord> localAuthorities, string? laCode)
    {
        ArgumentNullException.ThrowIfNull(localAuthorities);
        return string.IsNullOrWhiteSpace(laCode)
            ? localAuthorities.OrderByDescending(a => a.DataAsAt).FirstOrDefault()
            : localAuthorities.FirstOrDefault(a => a.LaCode == laCode.Trim());
    }

    /// <summary>
    /// The period a dashboard shows when none is asked for: the latest quarter that has ended by the newest batch's
    /// <c>as_at</c> (a batch as at 2019-09-30 or 2019-10-03 shows 2019-20 Q2; one as at 2019-09-29 shows Q1).
    /// </summary>
    public static Period DefaultPeriod(DateOnly dataAsAt) => Period.LatestCompleteQuarter(dataAsAt);
}
