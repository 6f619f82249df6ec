namespace PerfPipeline.Warehouse.Sqlite;

using System.Text;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;

using SQLitePCL;

/// <summary>
/// Bulk insert of a dataset's accepted rows into its table, inside the load's transaction: one prepared INSERT per
/// table, stepped once per row with its parameters rebound by position from the rows' typed columns. It runs on the
/// connection's own SQLite handle because the ADO.NET command looks every parameter up by name and re-encodes it on
/// every execution, which costs more than the insert itself. Kept by measurement: the same insert through a prepared
/// <see cref="SqliteCommand"/> raised <c>run</c>'s processor time by 17% end to end (peer benchmark, scale 5, median of
/// three alternating runs: 9.80 s to 11.48 s; docs/performance.md).
/// </summary>
internal static class SqliteFactWriter
{
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
            var writer = new RowWriter(statement, dataset.Rows);

            // Bindings outlive sqlite3_reset: the load's constants are bound once.
            SqliteCommands.Check(writer.BindText(1, key.LaCode), db);
            var first = 2;
            if (isSnapshot)
            {
                SqliteCommands.Check(writer.BindDate(2, key.AsAt), db);
                first = 3;
            }

            SqliteCommands.Check(writer.BindText(columns.Count, key.LoadId), db);
            for (var row = 0; row < dataset.Rows.Count; row++)
            {
                for (var column = 0; column < contract.Columns.Count; column++)
                {
                    SqliteCommands.Check(writer.Bind(first + column, row, column), db);
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

    /// <summary>Binds cells of the rows to the statement; texts are encoded in one buffer that grows as needed.</summary>
    private sealed class RowWriter(sqlite3_stmt statement, AcceptedRows rows)
    {
        private readonly IReadOnlyList<ColumnSpec> _columns = rows.Contract.Columns;
        private byte[] _text = new byte[256];

        /// <summary>The warehouse's representation of each contract kind (docs/warehouse.md, Types).</summary>
        public int Bind(int index, int row, int column)
        {
            var spec = _columns[column];
            switch (spec.Kind)
            {
                case ColumnKind.Date:
                    return rows.Date(row, column) is { } date ? BindDate(index, StoredValues.ToStoredDate(spec, date)) : raw.sqlite3_bind_null(statement, index);
                case ColumnKind.Flag:
                    return rows.Flag(row, column) is { } flag ? raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0) : raw.sqlite3_bind_null(statement, index);
                case ColumnKind.Number:
                    return rows.Number(row, column) is { } number ? raw.sqlite3_bind_double(statement, index, (double)number) : raw.sqlite3_bind_null(statement, index);
                default:
                    return rows.Text(row, column) is { } text ? BindText(index, text) : raw.sqlite3_bind_null(statement, index);
            }
        }

        public int BindDate(int index, DateOnly date)
        {
            Span<byte> text = stackalloc byte[StoredValues.DateFormat.Length];
            StoredValues.FormatDate(date, text);
            return raw.sqlite3_bind_text(statement, index, text);
        }

        public int BindText(int index, string value)
        {
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > _text.Length)
            {
                _text = new byte[length];
            }

            return raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, Encoding.UTF8.GetBytes(value, _text)));
        }
    }
}
