namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

using Dapper;

/// <summary>Reads the LAs that have committed loads (plain SQL, both dialects).</summary>
internal static class LocalAuthorityReader
{
    private const string Sql = """
        SELECT a.la_code AS LaCode, a.la_name AS LaName, MAX(l.as_at) AS DataAsAt
        FROM dim_local_authority AS a
        JOIN audit_load AS l ON l.la_code = a.la_code AND l.status = 'loaded'
        GROUP BY a.la_code, a.la_name
        ORDER BY a.la_code
        """;

    public static async Task<IReadOnlyList<LocalAuthorityRecord>> ListAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new LocalAuthorityRecord(r.LaCode, r.LaName, r.DataAsAt))];
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record Row(string LaCode, string? LaName, DateOnly DataAsAt);
}
