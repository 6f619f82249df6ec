namespace PerfPipeline.Warehouse.Sqlite;

using Dapper;

using Microsoft.Data.Sqlite;

using SQLitePCL;

/// <summary>
/// The first load into a warehouse file writes its pages once. In WAL mode every page a load writes goes to the WAL
/// and then, at the checkpoint, into the file again. SQLite's rollback journal keeps only the pages the file held when
/// the transaction began, and a file no load has been stored in holds little more than its schema and dimensions: the
/// load's rows go straight into the file, as atomic and durable as in WAL mode (docs/warehouse.md, "The first load").
/// The file returns to WAL once the load ends, so readers keep working beside every later load.
/// </summary>
internal static class SqliteFirstLoadJournal
{
    /// <summary>
    /// Switches the file to a rollback journal when no load is stored in it and no other connection has it open; returns
    /// whether it did. Otherwise the load runs in WAL mode, as every later load does (correct either way, only slower).
    /// Must run outside a transaction.
    /// </summary>
    public static async Task<bool> TryEnterAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        const string storedSql = "SELECT EXISTS (SELECT 1 FROM audit_load WHERE status = 'loaded')";
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(storedSql, cancellationToken: cancellationToken)).ConfigureAwait(false))
        {
            return false;
        }

        // Leaving WAL needs the only connection to the file. This process's pooled readers (dashboard requests) keep
        // idle handles open: close those first; one in use, or another process, keeps the file in WAL.
        var file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
        using (var pooled = new SqliteConnection(SqliteConnections.PooledConnectionString(file)))
        {
            SqliteConnection.ClearPool(pooled);
        }

        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE";

        // SQLite answers "busy" at once here (no busy handler); the provider retries until the command's timeout.
        command.CommandTimeout = 1;
        try
        {
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is "delete";
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Returns the file to WAL once the load's transaction has ended (committed or rolled back). If another connection
    /// holds the file meanwhile it stays as it is: every connection that opens the file sets WAL
    /// (<see cref="SqliteConnections.OpenAsync"/>), and a rollback journal is as safe.
    /// </summary>
    public static async Task LeaveAsync(SqliteConnection connection)
    {
        try
        {
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL").ConfigureAwait(false);
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            // Kept as is: see above.
        }
    }

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is raw.SQLITE_BUSY or raw.SQLITE_LOCKED;
}
