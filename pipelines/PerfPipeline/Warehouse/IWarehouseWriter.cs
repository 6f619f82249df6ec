namespace PerfPipeline.Warehouse;

using PerfPipeline.Extracts;

/// <summary>
/// The warehouse's command port. A load is keyed by <see cref="LoadKey"/> and commits in one transaction: facts, audit
/// and indicator values, or nothing.
/// </summary>
public interface IWarehouseWriter
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
    /// <paramref name="mode"/> is <see cref="LoadMode.Reload"/>. The hosts' SQLite warehouse, which no layer retries, releases
    /// the batch's rows once it has written them and built the case data from them (their counts stay): to load the same
    /// batch again, read it again, as a replay does.
    /// </summary>
    Task<WarehouseLoadResult> LoadAsync(ExtractBatch batch, LoadMode mode = LoadMode.SkipIfLoaded, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records, in its own transaction, that loading a valid batch failed, so it can be replayed.
    /// A load that is already loaded keeps its status and data; the error is noted against it.
    /// </summary>
    Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default);

    /// <summary>Records that a copy of a batch was purged from the archive or quarantine (<c>audit_purge</c>), in its own transaction.</summary>
    Task RecordPurgeAsync(PurgeRecord purge, CancellationToken cancellationToken = default);
}
