namespace PerfPipeline.Warehouse.SqlServer;

using System.Data;

using Microsoft.Data.SqlClient;

/// <summary>
/// Keeps two migrations of one Azure SQL database from racing (two deployments, or a deployment and an operator):
/// an exclusive application lock (<c>sp_getapplock</c>) owned by a session of its own, held while DbUp runs the
/// scripts on its connections and released at the end. A migrator that dies loses its session and so the lock.
/// The T-SQL is checked offline by ScriptDom (tests/PerfPipeline.Tests/SqlServer/SqlServerMigrationLockTests.cs).
/// </summary>
internal sealed class SqlServerMigrationLock : IAsyncDisposable
{
    /// <summary>The lock's name: one per database, whatever the schema.</summary>
    public const string Resource = "PerfPipeline.migrate";

    /// <summary>How long a migration waits for another to finish before it gives up.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Takes the lock; the result is sp_getapplock's (0 granted, 1 granted after waiting, -1 timed out, -2 cancelled,
    /// -3 deadlock victim, -999 a parameter or call error).
    /// </summary>
    public const string Acquire = """
        DECLARE @result int;
        EXEC @result = sys.sp_getapplock @Resource = @Resource, @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = @TimeoutMs, @DbPrincipal = N'public';
        SELECT @result;
        """;

    /// <summary>Releases the lock the session holds.</summary>
    public const string Release = """
        EXEC sys.sp_releaseapplock @Resource = @Resource, @LockOwner = N'Session', @DbPrincipal = N'public';
        """;

    private readonly SqlConnection _session;

    private SqlServerMigrationLock(SqlConnection session) => _session = session;

    /// <summary>Opens a session of its own and takes the lock there, waiting up to <paramref name="timeout"/>.</summary>
    public static async Task<SqlServerMigrationLock> AcquireAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // A pooled connection handed back could keep a session lock alive: this session is never pooled.
        var builder = new SqlConnectionStringBuilder(connectionString) { Pooling = false };
        var session = await SqlServerConnections.OpenAsync(builder.ConnectionString, cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new SqlCommand(Acquire, session) { CommandTimeout = (int)timeout.TotalSeconds + 30 };
            command.Parameters.Add(new SqlParameter("@Resource", SqlDbType.NVarChar, 255) { Value = Resource });
            command.Parameters.Add(new SqlParameter("@TimeoutMs", SqlDbType.Int) { Value = (int)timeout.TotalMilliseconds });
            var result = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            return result >= 0
                ? new SqlServerMigrationLock(session)
                : throw new TimeoutException(Explain(result, timeout));
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>What a negative sp_getapplock result means, in a sentence for the operator.</summary>
    public static string Explain(int result, TimeSpan timeout) => result switch
    {
        -1 => $"Another migration of this database still holds the lock '{Resource}' after {timeout.TotalSeconds:0} s; wait for it to finish and run migrate again.",
        -2 => $"Taking the migration lock '{Resource}' was cancelled.",
        -3 => $"Taking the migration lock '{Resource}' was chosen as a deadlock victim; run migrate again.",
        _ => $"sp_getapplock refused the migration lock '{Resource}' (result {result}).",
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_session.State == ConnectionState.Open)
            {
                await using var command = new SqlCommand(Release, _session);
                command.Parameters.Add(new SqlParameter("@Resource", SqlDbType.NVarChar, 255) { Value = Resource });
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            // Closing the unpooled session releases the lock even when the release above failed.
            await _session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
