namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

/// <summary>Opens connections to the warehouse file with the settings every connection needs.</summary>
internal static class SqliteConnections
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWriteCreate,

        // No pooling: closing the last connection checkpoints the WAL into the file and releases it.
        Pooling = false,
    }.ToString();

    /// <summary>
    /// For the one read asked on every dashboard request (<see cref="IWarehouse.FindLatestLoadAsync"/>): pooled, so a
    /// request reuses an open handle with the schema already read instead of opening the file (about a millisecond).
    /// The pool keeps the file open while the process reads it; loads still checkpoint the WAL as they commit.
    /// </summary>
    public static string PooledConnectionString(string databasePath) => new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = true,
    }.ToString();

    /// <summary>
    /// A pooled connection for reading (<see cref="PooledConnectionString"/>), without the per-connection settings:
    /// the file is already in WAL mode (a persistent setting), the others matter to writers only, and a busy file is
    /// waited for by the provider's command timeout.
    /// </summary>
    public static async Task<SqliteConnection> OpenPooledReaderAsync(string pooledConnectionString, CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(pooledConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var command = connection.CreateCommand();

            // WAL lets readers (dashboard, serve) work while a load writes; the first load into a file switches to a
            // rollback journal and back (SqliteFirstLoadJournal), and asking for WAL here also restores it after a crash
            // in that load. synchronous=FULL costs one fsync per commit, and a load commits once, so a committed load
            // survives a power cut as well as a crash.
            // page_size takes effect only on a new (empty) file, before WAL mode writes its header; an existing file
            // keeps its own. 16 KB pages: a scale-20 `run` took about 7% less processor time than with 4 KB, most of it
            // in the commit's checkpoint (docs/performance.md).
            command.CommandText = """
                PRAGMA page_size = 16384;
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = FULL;
                PRAGMA busy_timeout = 30000;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                """;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
