namespace PerfPipeline.Tests.Warehouse.SqlServer;

using System.Globalization;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// The warehouse contract against a real SQL Server or Azure SQL database. No SQL Server runs on the build machine,
/// so this suite is not in PerfPipeline.sln: run it with <c>PERFPIPELINE_TEST_SQLSERVER</c> set to a connection
/// string whose login may create databases (a local SQL Server container, or an Azure SQL server); each test
/// creates and then drops a database of its own. Without the setting every test fails and says so.
/// </summary>
public sealed class SqlServerWarehouseTests : WarehouseContractTests
{
    public const string ConnectionStringVariable = "PERFPIPELINE_TEST_SQLSERVER";

    private static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);

    private readonly string _database = string.Create(CultureInfo.InvariantCulture, $"perfpipeline_test_{Guid.NewGuid():N}");

    private string DatabaseConnectionString => new SqlConnectionStringBuilder(ServerConnectionString) { InitialCatalog = _database }.ConnectionString;

    public override async ValueTask InitializeAsync()
    {
        Assert.False(
            string.IsNullOrWhiteSpace(ServerConnectionString),
            $"No SQL Server to test against: set {ConnectionStringVariable} to a connection string (see docs/sqlserver.md).");
        await ExecuteOnServerAsync($"CREATE DATABASE [{_database}]");
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"IF DB_ID(N'{_database}') IS NOT NULL DROP DATABASE [{_database}]");
        }

        await base.DisposeAsync();
    }

    protected override IWarehouse CreateWarehouse(ComputeIndicators computeIndicators) =>
        new SqlServerWarehouse(DatabaseConnectionString, computeIndicators, Time);

    protected override async Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        await using var connection = new SqlConnection(DatabaseConnectionString);
        return [.. await connection.QueryAsync<string>(
            "SELECT name FROM sys.columns WHERE object_id = OBJECT_ID(N'dbo.' + @Table) ORDER BY column_id", new { Table = table })];
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new SqlConnection(ServerConnectionString);
        await connection.ExecuteAsync(new CommandDefinition(sql, cancellationToken: TestContext.Current.CancellationToken));
    }
}
