namespace PerfPipeline.Tests.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Tests.Support;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

public sealed class SqliteWarehouseTests : WarehouseContractTests
{
    private readonly TempDirectory _temp = new();

    private string DatabasePath => _temp.Combine("data", "perfpipeline.db");

    public override async ValueTask DisposeAsync()
    {
        _temp.Dispose();
        await base.DisposeAsync();
    }

    protected override IWarehouse CreateWarehouse(ComputeIndicators computeIndicators) => new SqliteWarehouse(DatabasePath, computeIndicators, Time);

    protected override async Task<IReadOnlyList<string>> ColumnsOfAsync(string table)
    {
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var columns = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
