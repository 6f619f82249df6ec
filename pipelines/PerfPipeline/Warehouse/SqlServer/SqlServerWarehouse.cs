namespace PerfPipeline.Warehouse.SqlServer;

using System.Data;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Reference;
using PerfPipeline.Warehouse.Loading;

/// <summary>
/// The Azure SQL warehouse: migrated by DbUp (<c>sql/sqlserver/</c>), loaded with SqlBulkCopy into staging tables
/// and set-based statements from there, one transaction per load. Each method is one unit of work with its own
/// connection, so <see cref="Resilience.ResilientWarehouse"/> can run it again whole after a transient fault.
/// </summary>
internal sealed class SqlServerWarehouse(string connectionString, ComputeIndicators computeIndicators, TimeProvider timeProvider, ComputeTeamFigures? computeTeamFigures = null) : IWarehouse
{
    /// <summary>How long a migration waits for another migration of the database (<see cref="SqlServerMigrationLock"/>).</summary>
    public TimeSpan MigrationLockTimeout { get; init; } = SqlServerMigrationLock.DefaultTimeout;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrationLock = await SqlServerMigrationLock.AcquireAsync(connectionString, MigrationLockTimeout, cancellationToken).ConfigureAwait(false);
        await using (migrationLock.ConfigureAwait(false))
        {
            await MigrateHoldingTheLockAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<WarehouseSchemaStatus> CheckSchemaAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(SqlServerMigrations.Check(connectionString));

    private async Task MigrateHoldingTheLockAsync(CancellationToken cancellationToken)
    {
        SqlServerMigrations.Apply(connectionString);
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await SqlServerCalendar.FillIndicatorsAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        await new ReferenceImporter(this).EnsureDefaultsAsync(cancellationToken).ConfigureAwait(false);
        await FillCalendarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>dim_date</c> and <c>dim_period</c> from the bank holidays in force (rewritten only when they differ).</summary>
    private async Task FillCalendarAsync(CancellationToken cancellationToken)
    {
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var holidays = await ReferenceSql.ReadHolidaysAsync(connection, null, cancellationToken).ConfigureAwait(false);
            await SqlServerCalendar.FillAsync(connection, WorkingDayCalendar.Of(holidays), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ReferenceImportResult> ImportReferenceAsync(ReferenceImportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReferenceImportResult? result;
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Serializable: two imports at once cannot both take the next import number or both see the old files.
            var transaction = (SqlTransaction)await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                result = await new ReferenceRecomputation(connection, transaction, computeIndicators, computeTeamFigures, timeProvider).RunAsync(
                    request,
                    SqlServerValues.Timestamp(timeProvider.GetUtcNow()),
                    d => SqlServerValues.Date(d),
                    key =>
                    {
                        var load = new SqlServerLoad(connection, transaction, key, cancellationToken);
                        return (load, load.FinishAsync);
                    },
                    cancellationToken).ConfigureAwait(false);
                if (result is null)
                {
                    return new ReferenceImportResult(null, [], request.Files, []);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (result.Imported.Any(f => f.Kind == ReferenceKind.BankHolidays))
        {
            await FillCalendarAsync(cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    public Task<LaReference> ReadReferenceAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ReadLaAsync(connection, laCode, cancellationToken), cancellationToken);

    public Task<ReferenceListing> ListReferenceAsync(ReferenceKind kind, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListAsync(connection, ReferenceSql.ShowSql(kind), cancellationToken), cancellationToken);

    public Task<ReferenceListing> ListReferenceFilesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListAsync(connection, ReferenceSql.ShowFilesSql, cancellationToken), cancellationToken);

    public Task<string?> FindLatestReferenceImportAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.LatestImportAsync(connection, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<ReferenceImportRecord>> ListReferenceImportsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(connection => ReferenceSql.ListImportsAsync(connection, cancellationToken), cancellationToken);

    public Task<WarehouseLoadResult> LoadAsync(ExtractBatch batch, LoadMode mode = LoadMode.SkipIfLoaded, CancellationToken cancellationToken = default) =>
        new WarehouseLoad((key, token) => SqlServerLoad.OpenAsync(connectionString, key, token), computeIndicators, computeTeamFigures, timeProvider)
            .RunAsync(batch, mode, cancellationToken);

    public async Task RecordFailureAsync(LoadKey key, DateTimeOffset startedAt, string failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parameters = new DynamicParameters(new { key.LoadId, key.LaCode, key.ManifestSha256, Error = failure });
        parameters.Add("AsAt", SqlServerValues.Date(key.AsAt), DbType.Date);
        parameters.Add("StartedAt", SqlServerValues.Timestamp(startedAt), DbType.DateTime2);
        parameters.Add("FinishedAt", SqlServerValues.Timestamp(timeProvider.GetUtcNow()), DbType.DateTime2);
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    SqlServerStatements.RecordFailure.Sql, parameters, transaction, SqlServerConnections.CommandTimeoutSeconds,
                    cancellationToken: cancellationToken)).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task RecordPurgeAsync(PurgeRecord purge, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purge);
        var parameters = new DynamicParameters(new { purge.LoadId, purge.LaCode, CopyKind = purge.KindCode, purge.RetentionMonths });
        parameters.Add("AsAt", SqlServerValues.Date(purge.AsAt), DbType.Date);
        parameters.Add("CopiedAt", SqlServerValues.Timestamp(purge.CopiedAt), DbType.DateTime2);
        parameters.Add("PurgedAt", SqlServerValues.Timestamp(purge.PurgedAt), DbType.DateTime2);
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlServerStatements.RecordPurge.Sql, parameters, commandTimeout: SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(string? loadId = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqlServerAudit.ListPurgesAsync(connection, loadId, cancellationToken), cancellationToken);

    public Task<LoadRecord?> FindLoadAsync(string loadId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqlServerAudit.FindAsync(connection, null, loadId, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<LoadRecord>> ListLoadsAsync(LoadStatus? status = null, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqlServerAudit.ListAsync(connection, status, cancellationToken), cancellationToken);

    public Task<LoadStamp?> FindLatestLoadAsync(string laCode, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => SqlServerAudit.FindLatestAsync(connection, laCode, cancellationToken), cancellationToken);

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
        ReadAsync(connection => CaseDataReader.ReadAsync(connection, null, laCode, cancellationToken), cancellationToken);

    /// <summary>One read as one unit of work, on a connection of its own.</summary>
    private async Task<T> ReadAsync<T>(Func<SqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        var connection = await SqlServerConnections.OpenAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await read(connection).ConfigureAwait(false);
        }
    }
}
