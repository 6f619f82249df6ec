namespace PerfPipeline.Warehouse.SqlServer;

using Microsoft.Data.SqlClient;

/// <summary>
/// Opens connections to the Azure SQL warehouse. In Azure the connection string names no password:
/// <c>Authentication=Active Directory Default</c> (managed identity in the Function app, the developer's
/// Azure CLI or Visual Studio sign-in elsewhere); docs/sqlserver.md.
/// </summary>
internal static class SqlServerConnections
{
    /// <summary>Long enough for a large LA's load; a load is one transaction, retried whole on a transient fault.</summary>
    public const int CommandTimeoutSeconds = 600;

    public static async Task<SqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(connectionString);
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
}
