namespace PerfPipeline.Tests.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

public sealed class SqliteMigrationsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Apply_Twice_RunsNoScriptTheSecondTime()
    {
        var connectionString = SqliteConnections.ConnectionString(_temp.File("warehouse.db"));

        var first = SqliteMigrations.Apply(connectionString);
        var second = SqliteMigrations.Apply(connectionString);

        Assert.True(first > 0);
        Assert.Equal(0, second);
    }

    [Fact]
    public void Apply_NewDatabase_EveryViewCanBeQueried()
    {
        var connectionString = SqliteConnections.ConnectionString(_temp.File("warehouse.db"));

        SqliteMigrations.Apply(connectionString);

        // SQLite checks a view's columns only when it is queried.
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var views = Names(connection, "SELECT name FROM sqlite_master WHERE type = 'view'");
        Assert.Contains("fact_indicator_value_current", views);
        Assert.Contains("pbi_indicator_value", views);
        foreach (var view in views)
        {
            Assert.Empty(Names(connection, $"SELECT * FROM \"{view}\" LIMIT 0"));
        }
    }

    public void Dispose() => _temp.Dispose();

    private static List<string> Names(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return ReadFirstColumn(command);
    }

    private static List<string> ReadFirstColumn(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
