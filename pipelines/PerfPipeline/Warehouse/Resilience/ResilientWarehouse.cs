namespace PerfPipeline.Warehouse.Resilience;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Reference;

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

    // Not retried: it follows a load that failed, often after the load's own retries were spent on the same outage;
    // retrying here would spend that budget twice. A record that cannot be written leaves the batch to the next attempt.
    public Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default) =>
        inner.RecordFailureAsync(key, startedAt, failure, cancellationToken);

    public Task RecordPurgeAsync(PurgeRecord purge, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.RecordPurgeAsync(purge, token), cancellationToken);

    public Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(string? loadId = null, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ListPurgesAsync(loadId, token), cancellationToken);

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

    public Task<TeamNames> ReadTeamNamesAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadTeamNamesAsync(laCode, token), cancellationToken);

    public Task<WorkList?> ReadCurrentWorkListAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCurrentWorkListAsync(laCode, token), cancellationToken);

    public Task<LaCaseData> ReadCaseDataAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadCaseDataAsync(laCode, token), cancellationToken);

    public Task<ReferenceImportResult> ImportReferenceAsync(ReferenceImportRequest request, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ImportReferenceAsync(request, token), cancellationToken);

    public Task<LaReference> ReadReferenceAsync(string laCode, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ReadReferenceAsync(laCode, token), cancellationToken);

    public Task<ReferenceListing> ListReferenceAsync(ReferenceKind kind, CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(token => inner.ListReferenceAsync(kind, token), cancellationToken);

    public Task<ReferenceListing> ListReferenceFilesAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.ListReferenceFilesAsync, cancellationToken);

    public Task<string?> FindLatestReferenceImportAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.FindLatestReferenceImportAsync, cancellationToken);

    public Task<IReadOnlyList<ReferenceImportRecord>> ListReferenceImportsAsync(CancellationToken cancellationToken = default) =>
        retry.ExecuteAsync(inner.ListReferenceImportsAsync, cancellationToken);
}
