namespace PerfPipeline.Warehouse.SqlServer;

using System.Diagnostics.CodeAnalysis;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Extracts;

/// <summary>Reads the load audit (<c>audit_load</c> with its <c>audit_load_dataset</c> rows).</summary>
internal static class SqlServerAudit
{
    public static async Task<LoadRecord?> FindAsync(
        SqlConnection connection, SqlTransaction? transaction, string loadId, CancellationToken cancellationToken) =>
        (await ReadAsync(connection, transaction, loadId, status: null, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    public static Task<IReadOnlyList<LoadRecord>> ListAsync(SqlConnection connection, LoadStatus? status, CancellationToken cancellationToken) =>
        ReadAsync(connection, null, loadId: null, status, cancellationToken);

    public static async Task<LoadStamp?> FindLatestAsync(SqlConnection connection, string laCode, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<StampRow>(new CommandDefinition(
            SqlServerStatements.LatestLoad.Sql, new { LaCode = laCode }, commandTimeout: SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return row is null
            ? null
            : new LoadStamp(new LoadKey(row.LaCode, DateOnly.FromDateTime(row.AsAt), row.ManifestSha256), SqlServerValues.Timestamp(row.FinishedAt), DateOnly.FromDateTime(row.DataAsAt))
            {
                ReferenceImport = row.ReferenceImport,
            };
    }

    /// <summary>The purges of one load's copies, or of every copy; newest first.</summary>
    public static async Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(SqlConnection connection, string? loadId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<PurgeRow>(new CommandDefinition(
            SqlServerStatements.ListPurges.Sql, new { LoadId = loadId }, commandTimeout: SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new PurgeRecord(
            r.LoadId, PurgeRecord.ParseKind(r.CopyKind), r.LaCode, DateOnly.FromDateTime(r.AsAt),
            SqlServerValues.Timestamp(r.CopiedAt), SqlServerValues.Timestamp(r.PurgedAt), r.RetentionMonths))];
    }

    private static async Task<IReadOnlyList<LoadRecord>> ReadAsync(
        SqlConnection connection, SqlTransaction? transaction, string? loadId, LoadStatus? status, CancellationToken cancellationToken)
    {
        var parameters = new { LoadId = loadId, Status = status is { } s ? AuditCodes.Code(s) : null };
        var results = await connection.QueryMultipleAsync(new CommandDefinition(
            SqlServerStatements.ListLoads.Sql, parameters, transaction, SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await using (results.ConfigureAwait(false))
        {
            var loads = (await results.ReadAsync<LoadRow>().ConfigureAwait(false)).AsList();
            var datasets = (await results.ReadAsync<DatasetRow>().ConfigureAwait(false)).ToLookup(d => d.LoadId, StringComparer.Ordinal);
            return [.. loads.Select(load => ToRecord(load, datasets[load.LoadId]))];
        }
    }

    private static LoadRecord ToRecord(LoadRow load, IEnumerable<DatasetRow> datasets) => new(
        new LoadKey(load.LaCode, DateOnly.FromDateTime(load.AsAt), load.ManifestSha256),
        load.SourceSystem,
        AuditCodes.ParseStatus(load.Status),
        load.Attempts,
        SqlServerValues.Timestamp(load.StartedAt),
        SqlServerValues.Timestamp(load.FinishedAt),
        load.Error,
        [.. datasets
            .OrderBy(d => ContractOrder(d.Dataset))
            .Select(d => new DatasetLoadRecord(
                new DatasetCounts(d.Dataset, d.RowsRead, d.RowsLoaded, d.RowsRejected, d.RowsWarnings),
                d.TableName,
                AuditCodes.ParseOutcome(d.Outcome),
                d.SupersededBy))]);

    /// <summary>Datasets in the contract's order, the order a batch lists them (SQL Server keeps no insertion order).</summary>
    private static int ContractOrder(string dataset)
    {
        for (var i = 0; i < ExtractContract.Datasets.Count; i++)
        {
            if (string.Equals(ExtractContract.Datasets[i].Name, dataset, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record LoadRow(
        string LoadId, string LaCode, DateTime AsAt, string ManifestSha256, string? SourceSystem, string Status, int Attempts,
        DateTime StartedAt, DateTime FinishedAt, string? Error);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record PurgeRow(string LoadId, string CopyKind, string LaCode, DateTime AsAt, DateTime CopiedAt, DateTime PurgedAt, int RetentionMonths);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record StampRow(string LaCode, DateTime AsAt, string ManifestSha256, DateTime FinishedAt, DateTime DataAsAt, string? ReferenceImport);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record DatasetRow(
        string LoadId, string Dataset, string TableName, long RowsRead, long RowsLoaded, long RowsRejected, long RowsWarnings,
        string Outcome, string? SupersededBy);
}
