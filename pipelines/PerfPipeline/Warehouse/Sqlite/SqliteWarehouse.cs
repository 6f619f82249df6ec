namespace PerfPipeline.Warehouse.Sqlite;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Reference;
using PerfPipeline.Warehouse.Loading;

/// <summary>The embedded warehouse: one SQLite file, migrated by DbUp, written with prepared commands.</summary>
internal sealed class SqliteWarehouse(string databasePath, ComputeIndicators computeIndicators, TimeProvider timeProvider, ComputeTeamFigures? computeTeamFigures = null) : IWarehouse, ILoadWhileReading
{
    private readonly string _connectionString = SqliteConnections.ConnectionString(databasePath);
    private readonly string _pooledConnectionString = SqliteConnections.PooledConnectionString(databasePath);

    public string DatabasePath => databasePath;

    /// <summary>How long a migration waits for another migration of the same file (<see cref="SqliteMigrationLock"/>).</summary>
    public TimeSpan MigrationLockTimeout { get; init; } = SqliteMigrationLock.DefaultTimeout;

    /// <summary>
    /// Whether a load releases the batch's rows once it has built the case data from them (<see cref="AcceptedRows.Release"/>),
    /// so a large batch is not held through the indicator pass. Only for a caller that gives each load a batch read for it
    /// (as <c>BatchLoader</c> does, a replay reading it again) and no retry layer that would run the same load again.
    /// </summary>
    public bool ReleasesWrittenRows { get; init; }

    /// <summary>The library build opening records and compares (<see cref="SqliteOpenFingerprint"/>); tests stand in another.</summary>
    internal Guid LibraryBuild { get; init; } = SqliteOpenFingerprint.LibraryBuild;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using var migrationLock = await SqliteMigrationLock.AcquireAsync(databasePath, MigrationLockTimeout, cancellationToken).ConfigureAwait(false);

        // Owner-only before SQLite first opens it: its journal files take the database file's mode.
        Batches.OwnerOnly.EnsureFile(databasePath);

        // One connection for the whole open. A new file takes its page size from the first connection that writes it:
        // this one, which DbUp then uses too. The fingerprint tells whether the rest would find everything done (a new
        // file's is 0: never).
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            if (await SqliteOpenFingerprint.IsCurrentAsync(connection, LibraryBuild, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            SqliteMigrations.Apply(connection);
            await SqliteIndicatorDimension.FillAsync(connection, cancellationToken).ConfigureAwait(false);

            // The shipped defaults fill the calendar when they bring bank holidays (a new file); otherwise check it.
            var defaults = await ImportReferenceAsync(connection, ReferenceImporter.Defaults(), cancellationToken).ConfigureAwait(false);
            if (!defaults.Imported.Any(f => f.Kind == ReferenceKind.BankHolidays))
            {
                await FillCalendarAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            await SqliteOpenFingerprint.RecordAsync(connection, LibraryBuild, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>dim_date</c> and <c>dim_period</c> from the bank holidays in force (rewritten only when they differ).</summary>
    private static async Task FillCalendarAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var holidays = await ReferenceSql.ReadHolidaysAsync(connection, null, cancellationToken).ConfigureAwait(false);
        await SqliteCalendarDimensions.FillAsync(connection, WorkingDayCalendar.Of(holidays), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReferenceImportResult> ImportReferenceAsync(ReferenceImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ImportReferenceAsync(connection, request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stores and recomputes in one transaction, then brings the calendar up to new bank holidays.</summary>
    private async Task<ReferenceImportResult> ImportReferenceAsync(SqliteConnection connection, ReferenceImportRequest request, CancellationToken cancellationToken)
    {
        ReferenceImportResult? result;
        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            result = await new ReferenceRecomputation(connection, transaction, computeIndicators, computeTeamFigures, timeProvider).RunAsync(
                request,
                SqliteAudit.Timestamp(timeProvider.GetUtcNow()),
                StoredValues.Date,
                key =>
                {
                    var load = new SqliteLoad(connection, transaction, key, cancellationToken);
                    return (load, load.FinishAsync);
                },
                cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return new ReferenceImportResult(null, [], request.Files, []);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (result.Imported.Any(f => f.Kind == ReferenceKind.BankHolidays))
        {
            await FillCalendarAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public Task<LaReference> ReadReferenceAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ReadLaAsync(connection, laCode, cancellationToken), cancellationToken);

    public Task<ReferenceListing> ListReferenceAsync(ReferenceKind kind, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListAsync(connection, ReferenceSql.ShowSql(kind), cancellationToken), cancellationToken);

    public Task<ReferenceListing> ListReferenceFilesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListAsync(connection, ReferenceSql.ShowFilesSql, cancellationToken), cancellationToken);

    /// <summary>Asked on every dashboard request (its ETag), so on the pooled reader as the latest load is.</summary>
    public async Task<string?> FindLatestReferenceImportAsync(CancellationToken cancellationToken = default)
    {
        var connection = await SqliteConnections.OpenPooledReaderAsync(_pooledConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await ReferenceSql.LatestImportAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<ReferenceImportRecord>> ListReferenceImportsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListImportsAsync(connection, cancellationToken), cancellationToken);

    public Task<WarehouseSchemaStatus> CheckSchemaAsync(CancellationToken cancellationToken = default) =>
        // A missing file is a warehouse never migrated; checking must not create it.
        Task.FromResult(File.Exists(databasePath)
            ? SqliteMigrations.Check(_connectionString)
            : WarehouseSchemaStatus.Compare(SqliteMigrations.Known(), []));

    public Task<WarehouseLoadResult> LoadAsync(ExtractBatch batch, LoadMode mode = LoadMode.SkipIfLoaded, CancellationToken cancellationToken = default) =>
        Load().RunAsync(batch, mode, cancellationToken);

    /// <summary>Nothing retries a SQLite load, so it can take each dataset while the rest of the batch is read.</summary>
    Task<WarehouseLoadResult?> ILoadWhileReading.LoadAsync(LoadKey key, BatchReading reading, LoadMode mode, LoadGate gate, CancellationToken cancellationToken) =>
        Load().RunAsync(key, reading, mode, gate, cancellationToken);

    private WarehouseLoad Load() =>
        new((key, token) => SqliteLoad.OpenAsync(_connectionString, key, ReleasesWrittenRows, token), computeIndicators, computeTeamFigures, timeProvider);

    public async Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        const string sql = """
            INSERT INTO audit_load (load_id, la_code, as_at, manifest_sha256, status, load_seq, attempts, started_at, finished_at, error)
            VALUES (@LoadId, @LaCode, @AsAt, @ManifestSha256, 'failed', NULL, 1, @StartedAt, @FinishedAt, @Error)
            ON CONFLICT (load_id) DO UPDATE SET
                attempts = attempts + 1, started_at = excluded.started_at, finished_at = excluded.finished_at, error = excluded.error
            """;
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                key.LoadId,
                key.LaCode,
                AsAt = StoredValues.Date(key.AsAt),
                key.ManifestSha256,
                StartedAt = SqliteAudit.Timestamp(startedAt),
                FinishedAt = SqliteAudit.Timestamp(timeProvider.GetUtcNow()),
                Error = failure,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task RecordPurgeAsync(PurgeRecord purge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purge);
        const string sql = """
            INSERT INTO audit_purge (load_id, copy_kind, la_code, as_at, copied_at, purged_at, retention_months)
            VALUES (@LoadId, @CopyKind, @LaCode, @AsAt, @CopiedAt, @PurgedAt, @RetentionMonths)
            ON CONFLICT (load_id, copy_kind) DO UPDATE SET
                copied_at = excluded.copied_at, purged_at = excluded.purged_at, retention_months = excluded.retention_months
            """;
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                purge.LoadId,
                CopyKind = purge.KindCode,
                purge.LaCode,
                AsAt = StoredValues.Date(purge.AsAt),
                CopiedAt = SqliteAudit.Timestamp(purge.CopiedAt),
                PurgedAt = SqliteAudit.Timestamp(purge.PurgedAt),
                purge.RetentionMonths,
            }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(string? loadId = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqliteAudit.ListPurgesAsync(connection, loadId, cancellationToken), cancellationToken);

    public Task<LoadRecord?> FindLoadAsync(string loadId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqliteAudit.FindAsync(connection, null, loadId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<LoadRecord>> ListLoadsAsync(LoadStatus? status = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqliteAudit.ListAsync(connection, status, cancellationToken), cancellationToken);

    public async Task<LoadStamp?> FindLatestLoadAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var connection = await SqliteConnections.OpenPooledReaderAsync(_pooledConnectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await SqliteAudit.FindLatestAsync(connection, laCode, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<IndicatorValue>> ReadCurrentIndicatorValuesAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => IndicatorValueReader.ReadCurrentAsync(connection, laCode, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TeamIndicatorValue>> ReadCurrentTeamValuesAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => TeamFigureReader.ReadCurrentValuesAsync(connection, laCode, cancellationToken), cancellationToken);

    public Task<TeamNames> ReadTeamNamesAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => TeamFigureReader.ReadTeamNamesAsync(connection, laCode, cancellationToken), cancellationToken);

    public async Task<WorkList?> ReadCurrentWorkListAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var latest = await FindLatestLoadAsync(laCode, cancellationToken).ConfigureAwait(false);
        return latest is null
            ? null
            : await ReadAsync(connection => TeamFigureReader.ReadCurrentWorkListAsync(connection, laCode, latest.DataAsAt, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
    }

    public Task<IReadOnlyList<LocalAuthorityRecord>> ListLocalAuthoritiesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => LocalAuthorityReader.ListAsync(connection, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<string>> ListLaCodesForUserAsync(string userPrincipalName, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => LaUserReader.ListAsync(connection, userPrincipalName, cancellationToken), cancellationToken);

    public Task<LaCaseData> ReadCaseDataAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => Task.FromResult(SqliteCaseDataReader.Read(connection, laCode, cancellationToken)), cancellationToken);

    /// <summary>One read on a connection of its own, closed when the read is done.</summary>
    private async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await SqliteConnections.OpenAsync(_connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }
}
