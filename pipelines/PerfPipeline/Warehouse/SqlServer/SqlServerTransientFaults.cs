namespace PerfPipeline.Warehouse.SqlServer;

using System.Collections.Frozen;

using Microsoft.Data.SqlClient;

/// <summary>
/// Which Azure SQL failures are transient: worth running the whole unit of work again after a pause. A failure is
/// transient when a <see cref="SqlException"/> anywhere in its inner-exception chain carries one of the error
/// numbers below, or is a failure to reach the server (network errors while connecting or talking to it).
/// </summary>
internal static class SqlServerTransientFaults
{
    /// <summary>Errors the service returns while it fails over, throttles or reconfigures, or for lock conflicts.</summary>
    public static readonly FrozenSet<int> ServiceErrors = FrozenSet.Create(
        233,   // connection closed during initialisation (server busy or limit reached)
        997,   // connection initialisation error (overlapped I/O)
        1204,  // no lock resource available
        1205,  // deadlock victim
        1222,  // lock request time-out
        4060,  // cannot open the database (during failover)
        4221,  // read-only secondary: login waiting for redo
        10928, // resource limit reached
        10929, // server too busy for the database's minimum guarantee
        40143, // the service encountered an error processing the request
        40197, // the service encountered an error processing the request (reconfiguration)
        40501, // service busy
        40540, // service encountered an error
        40613, // database not currently available (failover, serverless resume)
        42108, // serverless: database resuming
        42109, // serverless: database paused, resuming
        49918, // not enough resources
        49919, // too many create or update operations
        49920); // too many operations in progress

    /// <summary>Failures to connect or of an established connection (SNI/TCP and Win32 socket errors).</summary>
    public static readonly FrozenSet<int> ConnectionErrors = FrozenSet.Create(
        20,    // the instance does not support encryption (a gateway mid-failover)
        64,    // network name no longer available during login
        121,   // semaphore time-out
        10053, // connection aborted
        10054, // connection reset by the remote host
        10060); // connection attempt timed out

    /// <summary>
    /// SqlClient's own "network-related or instance-specific error": no server number (0) and a severity that
    /// closes the connection (20 and above). It is what a refused or unreachable endpoint raises.
    /// </summary>
    private const byte FatalConnectionClass = 20;

    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SqlException sql && IsTransient(sql))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rule on an error's number and severity, apart from how the exception carries it.</summary>
    public static bool IsTransient(int number, byte severity) =>
        ServiceErrors.Contains(number) || ConnectionErrors.Contains(number) || (number == 0 && severity >= FatalConnectionClass);

    private static bool IsTransient(SqlException exception)
    {
        foreach (SqlError error in exception.Errors)
        {
            if (IsTransient(error.Number, error.Class))
            {
                return true;
            }
        }

        return IsTransient(exception.Number, exception.Class);
    }
}
