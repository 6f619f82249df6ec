namespace PerfPipeline.Warehouse;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>
/// The warehouse port: the star schema in SQLite (embedded default) or Azure SQL. A load is keyed by
/// <see cref="LoadKey"/> and commits in one transaction: facts, audit and indicator values, or nothing.
/// </summary>
public interface IWarehouse
{
    /// <summary>Creates or upgrades the schema and fills the calendar dimensions; does nothing when up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Compares the applied migrations with this build's, changing nothing: the cloud host checks this at start
    /// instead of migrating (its database user holds no DDL rights; <c>perfpipeline migrate</c> runs at deployment).
    /// </summary>
    Task<WarehouseSchemaStatus> CheckSchemaAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads an accepted batch. Event datasets supersede the LA's rows when the batch's <c>as_at</c> is not older
    /// than theirs; snapshot datasets are kept per <c>as_at</c>. Indicator values are then computed on the case data
    /// read back inside the same transaction. A batch already loaded is not loaded again unless
    /// <paramref name="mode"/> is <see cref="LoadMode.Reload"/>.
    /// </summary>
    Task<WarehouseLoadResult> LoadAsync(ExtractBatch batch, LoadMode mode = LoadMode.SkipIfLoaded, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, in its own transaction, that loading a valid batch failed, so it can be replayed.
    /// A load that is already loaded keeps its status and data; the error is noted against it.
    /// </summary>
    Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default);

    Task<LoadRecord?> FindLoadAsync(string loadId, CancellationToken cancellationToken = default);

    /// <summary>Every load, newest first; only those with <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<LoadRecord>> ListLoadsAsync(LoadStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA's most recently committed load (latest <c>finished_at</c>), or null when it has none. One indexed row:
    /// cheap enough for the dashboard routes to ask on every request.
    /// </summary>
    Task<LoadStamp?> FindLatestLoadAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>The LA's current indicator values: per indicator and period, the value of the latest load that computed it.</summary>
    Task<IReadOnlyList<IndicatorValue>> ReadCurrentIndicatorValuesAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA's current figures by team (docs/teams.md): per team, indicator and period, the value of the latest load that
    /// computed it. Empty when no load has computed any.
    /// </summary>
    Task<IReadOnlyList<TeamIndicatorValue>> ReadCurrentTeamValuesAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>The work list made by the LA's latest committed load, as at its newest batch; null when the LA has no load.</summary>
    Task<WorkList?> ReadCurrentWorkListAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>Every LA with a committed load, by LA code: its name (newest manifest) and newest loaded <c>as_at</c>.</summary>
    Task<IReadOnlyList<LocalAuthorityRecord>> ListLocalAuthoritiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA codes a signed-in user (an Entra user principal name) may see: the mapping the Power BI row-level security
    /// uses (<c>security_la_user</c>), so the HTTP API and the report agree. Empty for an unmapped user.
    /// </summary>
    Task<IReadOnlyList<string>> ListLaCodesForUserAsync(string userPrincipalName, CancellationToken cancellationToken = default);

    /// <summary>The LA's current event data and every snapshot kept, as the indicator engine reads them.</summary>
    Task<LaCaseData> ReadCaseDataAsync(string laCode, CancellationToken cancellationToken = default);
}
