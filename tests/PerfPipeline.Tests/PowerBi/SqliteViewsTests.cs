namespace PerfPipeline.Tests.PowerBi;

using Microsoft.Data.Sqlite;

using PerfPipeline.Tests.PowerBi.Tmdl;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>The model's sources exist in the embedded warehouse: SQLite's <c>pbi_&lt;name&gt;</c> for SQL Server's <c>pbi.&lt;name&gt;</c>.</summary>
public sealed class SqliteViewsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly SemanticModel _model = SemanticModel.Load(PowerBiProject.ModelDefinition);

    [Fact]
    public void SourceViews_OfEveryModelTable_ExistInTheMigratedWarehouseWithEveryMappedColumn()
    {
        var connectionString = SqliteConnections.ConnectionString(_temp.File("warehouse.db"));
        SqliteMigrations.Apply(connectionString);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();

        foreach (var table in _model.Tables)
        {
            var source = PbiViewSource.Parse(table.Partitions.Single().ChildrenOf("source").Single().Value!);
            var view = $"pbi_{source.View}";
            var columns = ViewColumns(connection, view);
            Assert.True(columns.Count > 0, $"{table.Name}: no view {view} in the SQLite warehouse.");
            Assert.All(source.Columns, column => Assert.Contains(column, columns));
        }
    }

    public void Dispose() => _temp.Dispose();

    private static HashSet<string> ViewColumns(SqliteConnection connection, string view)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p WHERE m.type = 'view' AND m.name = $view";
        command.Parameters.AddWithValue("$view", view);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
