namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Reference;
using PerfPipeline.Reporting;
using PerfPipeline.Warehouse;

/// <summary>
/// The dashboard as the warehouse holds it, with no loading or computing: the current value of every indicator
/// (the latest load's), the LA's name and its newest loaded <c>as_at</c>, and the LA's reference data in force.
/// </summary>
public static class DashboardQuery
{
    /// <summary>
    /// The dashboard of <paramref name="laCode"/> (default: the LA loaded most recently as at the latest date) for
    /// <paramref name="period"/> (default: <see cref="DefaultPeriod"/>), judged against the LA's reference data in the
    /// warehouse (targets, comparators); null when the warehouse has no committed load for the LA.
    /// </summary>
    public static Task<DashboardReadout?> ReadAsync(
        IWarehouse warehouse, string? laCode = null, Period? period = null, CancellationToken cancellationToken = default) =>
        ReadAsync(warehouse, laCode, period, commentary: null, SmallNumbers.DefaultThreshold, cancellationToken);

    /// <summary>
    /// As above, with the officers' text from <paramref name="commentary"/> and figures over fewer than
    /// <paramref name="smallNumberThreshold"/> cases flagged.
    /// </summary>
    public static async Task<DashboardReadout?> ReadAsync(
        IWarehouse warehouse, string? laCode, Period? period, ICommentaryStore? commentary,
        int smallNumberThreshold = SmallNumbers.DefaultThreshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var la = ChooseLocalAuthority(await warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false), laCode);
        if (la is null)
        {
            return null;
        }

        var values = await warehouse.ReadCurrentIndicatorValuesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        var reference = await ReadReferenceAsync(warehouse, la.LaCode, smallNumberThreshold, cancellationToken).ConfigureAwait(false);
        var shown = period ?? DefaultPeriod(la.DataAsAt);
        var written = commentary is null ? null : await commentary.ReadAsync(la.LaCode, shown.Code, cancellationToken).ConfigureAwait(false);
        var readout = DashboardReadout.Of(la, shown, values, reference, written);

        // A small figure whose children the engine can list: read the case data once to say how many families they came from.
        var small = readout.Dashboard.Items.SelectMany(i => i.Measures)
            .Where(m => m.Current.SmallNumber && CohortFamilies.Measured.Contains(m.Code)).Select(m => m.Code).ToList();
        if (small.Count == 0)
        {
            return readout;
        }

        var data = await warehouse.ReadCaseDataAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        var families = CohortFamilies.Count(data, shown, small);
        return families.Count == 0 ? readout : DashboardReadout.Of(la, shown, values, reference, written, families);
    }

    /// <summary>
    /// As <see cref="ReadAsync(IWarehouse, string?, Period?, CancellationToken)"/>, for one team of the LA when
    /// <paramref name="teamKey"/> is given (<see cref="TeamDashboard"/>); null when the warehouse has no load for the LA
    /// or no figures for the team.
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
        var reference = await ReadReferenceAsync(warehouse, la.LaCode, SmallNumbers.DefaultThreshold, cancellationToken).ConfigureAwait(false);
        var names = await warehouse.ReadTeamNamesAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        return TeamDashboard.Of(la, period ?? DefaultPeriod(la.DataAsAt), values, teamValues, teamKey, reference, names);
    }

    /// <summary>
    /// The targets and comparators in force for the LA, as the warehouse resolves them (its own file over the national
    /// file over the shipped defaults): one place every host (command line, server, Functions) reads them from.
    /// </summary>
    public static async Task<ReportingReference> ReadReferenceAsync(
        IReferenceStore store, string laCode, int smallNumberThreshold = SmallNumbers.DefaultThreshold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ReportingReference.Of(await store.ReadReferenceAsync(laCode, cancellationToken).ConfigureAwait(false), smallNumberThreshold);
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
