namespace PerfPipeline.Warehouse.Sqlite;

using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using Dapper;

using Microsoft.Data.Sqlite;

/// <summary>Reads and writes the audit tables (<c>audit_load</c>, <c>audit_load_dataset</c>, <c>audit_load_issue</c>).</summary>
internal static class SqliteAudit
{
    private const string SelectLoads = """
        SELECT load_id AS LoadId, la_code AS LaCode, as_at AS AsAt, manifest_sha256 AS ManifestSha256,
               source_system AS SourceSystem, status AS Status, attempts AS Attempts,
               started_at AS StartedAt, finished_at AS FinishedAt, error AS Error
        FROM audit_load
        """;

    private const string SelectDatasets = """
        SELECT d.load_id AS LoadId, d.dataset AS Dataset, d.table_name AS TableName, d.rows_read AS RowsRead,
               d.rows_loaded AS RowsLoaded, d.rows_rejected AS RowsRejected, d.rows_warnings AS RowsWarnings,
               d.outcome AS Outcome, d.superseded_by AS SupersededBy
        FROM audit_load_dataset AS d
        """;

    /// <summary>ISO 8601 UTC with milliseconds: sorts as text.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static async Task<LoadRecord?> FindAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string loadId, CancellationToken cancellationToken)
    {
        var loads = await ReadAsync(connection, transaction, "WHERE load_id = @LoadId", "WHERE d.load_id = @LoadId", new { LoadId = loadId }, cancellationToken)
            .ConfigureAwait(false);
        return loads.SingleOrDefault();
    }

    public static Task<IReadOnlyList<LoadRecord>> ListAsync(SqliteConnection connection, LoadStatus? status, CancellationToken cancellationToken) =>
        status is { } s
            ? ReadAsync(connection, null, "WHERE status = @Status", "JOIN audit_load AS l ON l.load_id = d.load_id WHERE l.status = @Status",
                new { Status = AuditCodes.Code(s) }, cancellationToken)
            : ReadAsync(connection, null, string.Empty, string.Empty, null, cancellationToken);

    /// <summary>The LA's most recently committed load; <c>ix_audit_load_la_as_at</c> narrows it to the LA's loads.</summary>
    public static async Task<LoadStamp?> FindLatestAsync(SqliteConnection connection, string laCode, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT la_code AS LaCode, as_at AS AsAt, manifest_sha256 AS ManifestSha256, finished_at AS FinishedAt,
                   (SELECT MAX(as_at) FROM audit_load WHERE la_code = @LaCode AND status = 'loaded') AS DataAsAt,
                   (SELECT import_id FROM ref_import WHERE import_seq = (SELECT MAX(import_seq) FROM ref_import)) AS ReferenceImport
            FROM audit_load
            WHERE la_code = @LaCode AND status = 'loaded'
            ORDER BY finished_at DESC, load_id
            LIMIT 1
            """;
        var row = await connection.QuerySingleOrDefaultAsync<StampRow>(new CommandDefinition(sql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return row is null
            ? null
            : new LoadStamp(
                new LoadKey(row.LaCode, DateOnly.ParseExact(row.AsAt, StoredValues.DateFormat, CultureInfo.InvariantCulture), row.ManifestSha256),
                DateTimeOffset.Parse(row.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                DateOnly.ParseExact(row.DataAsAt, StoredValues.DateFormat, CultureInfo.InvariantCulture))
            {
                ReferenceImport = row.ReferenceImport,
            };
    }

    /// <summary>The purges of one load's copies, or of every copy; newest first.</summary>
    public static async Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(SqliteConnection connection, string? loadId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT load_id AS LoadId, copy_kind AS CopyKind, la_code AS LaCode, as_at AS AsAt, copied_at AS CopiedAt,
                   purged_at AS PurgedAt, retention_months AS RetentionMonths
            FROM audit_purge
            WHERE @LoadId IS NULL OR load_id = @LoadId
            ORDER BY purged_at DESC, load_id, copy_kind
            """;
        var rows = await connection.QueryAsync<PurgeRow>(new CommandDefinition(sql, new { LoadId = loadId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new PurgeRecord(
            r.LoadId,
            PurgeRecord.ParseKind(r.CopyKind),
            r.LaCode,
            DateOnly.ParseExact(r.AsAt, StoredValues.DateFormat, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(r.CopiedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTimeOffset.Parse(r.PurgedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            checked((int)r.RetentionMonths)))];
    }

    private static async Task<IReadOnlyList<LoadRecord>> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string loadFilter, string datasetFilter, object? parameters,
        CancellationToken cancellationToken)
    {
        var loads = await connection.QueryAsync<LoadRow>(new CommandDefinition(
            $"{SelectLoads} {loadFilter} ORDER BY finished_at DESC, load_id", parameters, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var datasets = (await connection.QueryAsync<DatasetRow>(new CommandDefinition(
            $"{SelectDatasets} {datasetFilter} ORDER BY d.rowid", parameters, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToLookup(d => d.LoadId, StringComparer.Ordinal);
        return [.. loads.Select(load => ToRecord(load, datasets[load.LoadId]))];
    }

    private static LoadRecord ToRecord(LoadRow load, IEnumerable<DatasetRow> datasets) => new(
        new LoadKey(load.LaCode, DateOnly.ParseExact(load.AsAt, StoredValues.DateFormat, CultureInfo.InvariantCulture), load.ManifestSha256),
        load.SourceSystem,
        AuditCodes.ParseStatus(load.Status),
        checked((int)load.Attempts),
        DateTimeOffset.Parse(load.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        DateTimeOffset.Parse(load.FinishedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        load.Error,
        [.. datasets.Select(d => new DatasetLoadRecord(
            new DatasetCounts(d.Dataset, d.RowsRead, d.RowsLoaded, d.RowsRejected, d.RowsWarnings),
            d.TableName,
            AuditCodes.ParseOutcome(d.Outcome),
            d.SupersededBy))]);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record LoadRow(
        string LoadId, string LaCode, string AsAt, string ManifestSha256, string? SourceSystem, string Status, long Attempts,
        string StartedAt, string FinishedAt, string? Error);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record PurgeRow(string LoadId, string CopyKind, string LaCode, string AsAt, string CopiedAt, string PurgedAt, long RetentionMonths);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record StampRow(string LaCode, string AsAt, string ManifestSha256, string FinishedAt, string DataAsAt, string? ReferenceImport);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record DatasetRow(
        string LoadId, string Dataset, string TableName, long RowsRead, long RowsLoaded, long RowsRejected, long RowsWarnings,
        string Outcome, string? SupersededBy);
}
