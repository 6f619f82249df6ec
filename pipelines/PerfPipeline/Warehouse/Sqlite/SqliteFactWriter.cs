namespace PerfPipeline.Warehouse.Sqlite;

using System.Text;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;

using SQLitePCL;

/// <summary>
/// Bulk insert of a dataset's accepted rows into its table, inside the load's transaction: a prepared INSERT of
/// <see cref="RowsPerStatement"/> rows, stepped once per that many rows with their parameters rebound by position from the
/// rows' typed columns, then one of the rows left over. It runs on the connection's own SQLite handle because the ADO.NET
/// command looks every parameter up by name and re-encodes it on every execution, which costs more than the insert
/// itself. Kept by measurement: the same insert through a prepared <see cref="SqliteCommand"/> raised <c>run</c>'s
/// processor time by 17% end to end (peer benchmark, scale 5, median of three alternating runs: 9.80 s to 11.48 s;
/// docs/performance.md).
/// </summary>
/// <remarks>
/// Several rows per statement: SQLite runs a statement's program once for all of them, and its cursor stays on the
/// table's last page between rows inserted in key order instead of seeking from the root for each. <c>OR FAIL</c>: a
/// failing row stops the statement without undoing the rows the statement inserted before it, so SQLite keeps no
/// statement journal (a copy of each page the statement changes, for undoing it alone); the load fails with the row's
/// error and its transaction is rolled back whole, so nothing of that statement is kept either way. Kept by measurement,
/// the insert being <c>run</c>'s critical path (it ends after the read): scale 20, 13 alternating pairs on a busy
/// machine (load average 6–18), 10% less wall time and 9% less processor time at the median of the pairs; the inserts'
/// own time lower in each of 4 pairs timed per dataset (docs/performance.md, "Step 7: the insert, third pass").
/// </remarks>
internal static class SqliteFactWriter
{
    /// <summary>Rows per INSERT statement.</summary>
    internal const int RowsPerStatement = 32;

    /// <param name="connection">The load's connection.</param>
    /// <param name="transaction">The load's transaction.</param>
    /// <param name="dataset">The rows to insert.</param>
    /// <param name="key">The load they belong to.</param>
    /// <param name="keyOrder">The rows' indices in the order to insert them (primary key order, <see cref="StoredTextOrder.InsertOrder"/>), or null to insert them as they are.</param>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, DatasetExtract dataset, LoadKey key, int[]? keyOrder) =>
        Insert(connection, transaction, dataset, key, keyOrder, RowsPerStatement);

    /// <summary>Inserts the rows in <paramref name="keyOrder"/> (null: as they are), <paramref name="rowsPerStatement"/> rows per statement (tests vary it).</summary>
    internal static void Insert(
        SqliteConnection connection, SqliteTransaction transaction, DatasetExtract dataset, LoadKey key, int[]? keyOrder, int rowsPerStatement)
    {
        // The transaction is the connection's: statements on its handle run inside it.
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerStatement, 1);
        var db = connection.Handle!;
        var shape = new InsertShape(dataset.Contract);
        var writer = new RowWriter(dataset.Rows, keyOrder);
        var count = dataset.Rows.Count;
        var next = 0;
        if (count >= rowsPerStatement)
        {
            using var statement = shape.Prepare(db, rowsPerStatement, key, writer);
            for (; next + rowsPerStatement <= count; next += rowsPerStatement)
            {
                writer.Execute(statement, db, shape, next, rowsPerStatement);
            }
        }

        if (next < count)
        {
            using var statement = shape.Prepare(db, count - next, key, writer);
            writer.Execute(statement, db, shape, next, count - next);
        }
    }

    /// <summary>
    /// The INSERT's columns and numbered parameters: the load's constants (<c>la_code</c>, <c>load_id</c>, a snapshot's
    /// <c>as_at</c>) are <c>?1</c> to <c>?3</c>, shared by the statement's rows and bound once, then each row's contract
    /// columns in order.
    /// </summary>
    private sealed class InsertShape(DatasetContract contract)
    {
        private const int LaCode = 1;
        private const int LoadId = 2;
        private const int AsAt = 3;

        private readonly bool _isSnapshot = contract.Kind == DatasetKind.Snapshot;

        public int Columns { get; } = contract.Columns.Count;

        /// <summary>The number of the first row's first contract column.</summary>
        public int FirstRowParameter => _isSnapshot ? AsAt + 1 : AsAt;

        public sqlite3_stmt Prepare(sqlite3 db, int rows, LoadKey key, RowWriter writer)
        {
            List<string> columns = ["la_code", .. _isSnapshot ? ["as_at"] : Array.Empty<string>(), .. contract.Columns.Select(c => c.StoredAs), "load_id"];
            var sql = new StringBuilder($"INSERT OR FAIL INTO {contract.Table} ({string.Join(", ", columns)}) VALUES ");
            var parameter = FirstRowParameter;
            for (var row = 0; row < rows; row++)
            {
                sql.Append(row == 0 ? "(?" : ", (?").Append(LaCode);
                if (_isSnapshot)
                {
                    sql.Append(", ?").Append(AsAt);
                }

                for (var column = 0; column < Columns; column++)
                {
                    sql.Append(", ?").Append(parameter++);
                }

                sql.Append(", ?").Append(LoadId).Append(')');
            }

            SqliteCommands.Check(raw.sqlite3_prepare_v2(db, sql.ToString(), out var statement), db);
            try
            {
                // Bindings outlive sqlite3_reset: the load's constants are bound once per statement.
                SqliteCommands.Check(writer.BindText(statement, LaCode, key.LaCode), db);
                SqliteCommands.Check(writer.BindText(statement, LoadId, key.LoadId), db);
                if (_isSnapshot)
                {
                    SqliteCommands.Check(RowWriter.BindDate(statement, AsAt, key.AsAt), db);
                }

                return statement;
            }
            catch
            {
                statement.Dispose();
                throw;
            }
        }
    }

    /// <summary>Binds cells of the rows to a statement; texts are encoded in one buffer that grows as needed.</summary>
    private sealed class RowWriter(AcceptedRows rows, int[]? keyOrder)
    {
        private readonly IReadOnlyList<ColumnSpec> _columns = rows.Contract.Columns;
        private byte[] _text = new byte[256];

        public static int BindDate(sqlite3_stmt statement, int index, DateOnly date)
        {
            Span<byte> text = stackalloc byte[StoredValues.DateFormat.Length];
            StoredValues.FormatDate(date, text);
            return raw.sqlite3_bind_text(statement, index, text);
        }

        /// <summary>Binds the <paramref name="count"/> rows from the <paramref name="first"/>th on to the statement's rows and steps it once.</summary>
        public void Execute(sqlite3_stmt statement, sqlite3 db, InsertShape shape, int first, int count)
        {
            var parameter = shape.FirstRowParameter;
            for (var i = first; i < first + count; i++)
            {
                var row = keyOrder is null ? i : keyOrder[i];
                for (var column = 0; column < shape.Columns; column++)
                {
                    SqliteCommands.Check(Bind(statement, parameter++, row, column), db);
                }
            }

            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteCommands.Check(rc, db);
            }

            raw.sqlite3_reset(statement);
        }

        public int BindText(sqlite3_stmt statement, int index, string value)
        {
            var length = Encoding.UTF8.GetMaxByteCount(value.Length);
            if (length > _text.Length)
            {
                _text = new byte[length];
            }

            return raw.sqlite3_bind_text(statement, index, _text.AsSpan(0, Encoding.UTF8.GetBytes(value, _text)));
        }

        /// <summary>The warehouse's representation of each contract kind (docs/warehouse.md, Types).</summary>
        private int Bind(sqlite3_stmt statement, int index, int row, int column)
        {
            var spec = _columns[column];
            switch (spec.Kind)
            {
                case ColumnKind.Date:
                    return rows.Date(row, column) is { } date ? BindDate(statement, index, StoredValues.ToStoredDate(spec, date)) : raw.sqlite3_bind_null(statement, index);
                case ColumnKind.Flag:
                    return rows.Flag(row, column) is { } flag ? raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0) : raw.sqlite3_bind_null(statement, index);
                case ColumnKind.Number:
                    return rows.Number(row, column) is { } number ? raw.sqlite3_bind_double(statement, index, (double)number) : raw.sqlite3_bind_null(statement, index);
                default:
                    return rows.Text(row, column) is { } text ? BindText(statement, index, text) : raw.sqlite3_bind_null(statement, index);
            }
        }
    }
}
