namespace PerfPipeline.Tests.TestSupport;

using System.Net;
using System.Net.Sockets;

using Microsoft.Data.SqlClient;

/// <summary>A SQL Server that cannot be reached: a loopback port nothing listens on, refused at once.</summary>
internal static class UnreachableSqlServer
{
    public static string ConnectionString() => new SqlConnectionStringBuilder
    {
        DataSource = $"tcp:127.0.0.1,{ClosedLoopbackPort()}",
        InitialCatalog = "warehouse",
        ConnectTimeout = 1,
        Encrypt = SqlConnectionEncryptOption.Optional,
        Pooling = false,
    }.ConnectionString;

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
