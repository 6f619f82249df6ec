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

    [Fact]
    public void Apply_AScriptFails_LeavesNoneOfThemApplied()
    {
        var connectionString = SqliteConnections.ConnectionString(_temp.File("warehouse.db"));
        using (var connection = new SqliteConnection(connectionString))
        {
            // A table 0019 creates, already there: that script fails after the 18 before it ran.
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE dim_department (x INTEGER)";
            command.ExecuteNonQuery();
        }

        var failure = Assert.Throws<InvalidOperationException>(() => SqliteMigrations.Apply(connectionString));

        Assert.Contains("0019_department.sql", failure.Message, StringComparison.Ordinal);
        using var check = new SqliteConnection(connectionString);
        check.Open();
        Assert.Equal(["dim_department"], Names(check, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'index') ORDER BY name"));
        Assert.Equal(SqliteMigrations.Known(), SqliteMigrations.Check(connectionString).Pending);
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
