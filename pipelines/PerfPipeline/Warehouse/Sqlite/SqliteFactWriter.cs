namespace PerfPipeline.Warehouse.Sqlite;

using System.Buffers;
using System.Globalization;
using System.Text;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;

using SQLitePCL;

/// <summary>
/// Bulk insert of a dataset's accepted rows into its table, inside the load's transaction: one prepared INSERT per
/// table, stepped once per row with its parameters rebound by position. It runs on the connection's own SQLite
/// handle because the ADO.NET command looks every parameter up by name and re-encodes it on every execution, which
/// costs more than the insert itself.
/// </summary>
internal static class SqliteFactWriter
{
    private const int StackTextBytes = 512;

    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, DatasetExtract dataset, LoadKey key)
    {
        // The transaction is the connection's: statements on its handle run inside it.
        ArgumentNullException.ThrowIfNull(transaction);
        var contract = dataset.Contract;
        var isSnapshot = contract.Kind == DatasetKind.Snapshot;
        List<string> columns = ["la_code", .. isSnapshot ? ["as_at"] : Array.Empty<string>(), .. contract.Columns.Select(c => c.StoredAs), "load_id"];
        var sql = $"INSERT INTO {contract.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(_ => "?"))})";

        var db = connection.Handle!;
        SqliteCommands.Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        using (statement)
        {
            // Bindings outlive sqlite3_reset: the load's constants are bound once.
            SqliteCommands.Check(BindText(statement, 1, key.LaCode), db);
            var first = 2;
            if (isSnapshot)
            {
                SqliteCommands.Check(BindDate(statement, 2, key.AsAt), db);
                first = 3;
            }

            SqliteCommands.Check(BindText(statement, columns.Count, key.LoadId), db);

            var specs = contract.Columns;
            foreach (var row in dataset.Rows)
            {
                var values = row.Values;
                for (var i = 0; i < specs.Count; i++)
                {
                    SqliteCommands.Check(Bind(statement, first + i, specs[i], values[i]), db);
                }

                var rc = raw.sqlite3_step(statement);
                if (rc != raw.SQLITE_DONE)
                {
                    SqliteCommands.Check(rc, db);
                }

                raw.sqlite3_reset(statement);
            }
        }
    }

    /// <summary>The warehouse's representation of each contract kind (docs/warehouse.md, Types).</summary>
    private static int Bind(sqlite3_stmt statement, int index, ColumnSpec column, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => BindText(statement, index, text),
        DateOnly date => BindDate(statement, index, StoredValues.ToStoredDate(column, date)),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        decimal number => raw.sqlite3_bind_double(statement, index, (double)number),
        _ => throw new ArgumentException($"{column.Name}: a {value.GetType().Name} is not a contract value.", nameof(value)),
    };

    private static int BindDate(sqlite3_stmt statement, int index, DateOnly date)
    {
        Span<byte> text = stackalloc byte[10];
        date.TryFormat(text, out var written, StoredValues.DateFormat, CultureInfo.InvariantCulture);
        return raw.sqlite3_bind_text(statement, index, text[..written]);
    }

    private static int BindText(sqlite3_stmt statement, int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length <= StackTextBytes)
        {
            Span<byte> text = stackalloc byte[StackTextBytes];
            return raw.sqlite3_bind_text(statement, index, text[..Encoding.UTF8.GetBytes(value, text)]);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            return raw.sqlite3_bind_text(statement, index, rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
