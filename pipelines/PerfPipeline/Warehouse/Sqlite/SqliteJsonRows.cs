namespace PerfPipeline.Warehouse.Sqlite;

using System.Buffers;
using System.Text;
using System.Text.Json;

using Microsoft.Data.Sqlite;

/// <summary>
/// Inserts many rows with one statement: the rows go as one JSON array of arrays bound to one parameter, and SQLite's
/// <c>jsonb_each</c> turns them back into rows (<c>INSERT ... SELECT value -&gt;&gt; 0, ... FROM jsonb_each($rows)</c>), instead
/// of one execution per row that rebinds every parameter by name. For texts and integers only: <c>-&gt;&gt;</c> gives a JSON
/// string as TEXT and a JSON integer as INTEGER, as binding them would; a REAL would go through a decimal text.
/// <c>jsonb_each</c> rather than <c>json_each</c>: it parses the text once into SQLite's binary form, from which each row's
/// columns are read without parsing the row's text again for every column (the calendar's 14,610 rows of 13 columns:
/// 99-111 ms to 63-73 in SQLite; docs/performance.md).
/// </summary>
internal static class SqliteJsonRows
{
    /// <summary>Runs <paramref name="insert"/> (<c>INSERT ... INTO table (columns)</c>) over the rows <paramref name="write"/> writes, each a JSON array of the columns in order.</summary>
    public static int Insert<T>(
        SqliteConnection connection, SqliteTransaction transaction, string insert, int columns, IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartArray();
                write(json, row);
                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"{insert} SELECT {string.Join(", ", Enumerable.Range(0, columns).Select(i => $"value ->> {i}"))} FROM jsonb_each($rows)";
        command.Parameters.AddWithValue("$rows", Encoding.UTF8.GetString(buffer.WrittenSpan));
        return command.ExecuteNonQuery();
    }
}
