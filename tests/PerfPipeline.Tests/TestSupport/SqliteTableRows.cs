namespace PerfPipeline.Tests.TestSupport;

using System.Globalization;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.Warehouse.Sqlite;

/// <summary>What a SQLite warehouse file stores, as text to compare two files by: every table a load or a migration fills.</summary>
internal static class SqliteTableRows
{
    /// <summary>Every table but SQLite's own and DbUp's journal (which holds the time each script ran), by name.</summary>
    public static async Task<List<string>> TablesAsync(string path)
    {
        await using var connection = await OpenAsync(path);
        return [.. await connection.QueryAsync<string>(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'SchemaVersions' ORDER BY name")];
    }

    /// <summary>The rows of one table, each as its values joined by '|', sorted.</summary>
    public static async Task<List<string>> RowsAsync(string path, string table)
    {
        await using var connection = await OpenAsync(path);
        await using var reader = await connection.ExecuteReaderAsync($"SELECT * FROM \"{table}\"");
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The rows of every table of <see cref="TablesAsync"/>, each prefixed by its table's name.</summary>
    public static async Task<List<string>> AllAsync(string path)
    {
        var rows = new List<string>();
        foreach (var table in await TablesAsync(path))
        {
            rows.AddRange((await RowsAsync(path, table)).Select(row => $"{table}: {row}"));
        }

        return rows;
    }

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(SqliteConnections.ConnectionString(path));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
