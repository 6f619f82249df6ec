namespace PerfPipeline.Warehouse.Resilience;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>
/// Any warehouse, each call run through <see cref="WarehouseRetry"/>: a call is a whole unit of work (a load opens its
/// connection, runs its transaction and commits), so a transient fault anywhere in it reruns all of it. Safe because
/// loads are idempotent: if a commit went through but its acknowledgement was lost, the rerun finds the batch loaded
/// (<see cref="LoadMode.SkipIfLoaded"/>) or reloads it to the same state (<see cref="LoadMode.Reload"/>).
/// </summary>
internal sealed class ResilientWarehouse(IWarehouse inner, WarehouseRetry retry) : IWarehouse
{
    public IWarehouse Inner => inner;

    public Task MigrateAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.MigrateAsync, cancellationToken);

    public Task<WarehouseSchemaStatus> CheckSchemaAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.CheckSchemaAsync, cancellationToken);

    public Task<WarehouseLoadResult> LoadAsync(ExtractBatch batch, LoadMode mode = LoadMode.SkipIfLoaded, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.LoadAsync(batch, mode, token), cancellationToken);

    public Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.RecordFailureAsync(key, startedAt, failure, token), cancellationToken);

    public Task<LoadRecord?> FindLoadAsync(string loadId, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.FindLoadAsync(loadId, token), cancellationToken);

    public Task<IReadOnlyList<LoadRecord>> ListLoadsAsync(LoadStatus? status = null, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ListLoadsAsync(status, token), cancellationToken);

    public Task<LoadStamp?> FindLatestLoadAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.FindLatestLoadAsync(laCode, token), cancellationToken);

    public Task<IReadOnlyList<IndicatorValue>> ReadCurrentIndicatorValuesAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCurrentIndicatorValuesAsync(laCode, token), cancellationToken);

    public Task<IReadOnlyList<LocalAuthorityRecord>> ListLocalAuthoritiesAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.ListLocalAuthoritiesAsync, cancellationToken);

    public Task<IReadOnlyList<string>> ListLaCodesForUserAsync(string userPrincipalName, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ListLaCodesForUserAsync(userPrincipalName, token), cancellationToken);

    public Task<IReadOnlyList<TeamIndicatorValue>> ReadCurrentTeamValuesAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCurrentTeamValuesAsync(laCode, token), cancellationToken);

    public Task<WorkList?> ReadCurrentWorkListAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCurrentWorkListAsync(laCode, token), cancellationToken);

    public Task<LaCaseData> ReadCaseDataAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCaseDataAsync(laCode, token), cancellationToken);
}
