namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using SQLitePCL;

internal static class SqliteCommands
{
    /// <summary>A prepared command with parameters <c>$p0</c>..; rebinding them and executing again reuses the statement.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameterCount)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>Throws the <see cref="SqliteException"/> for a result code of a call on the connection's own handle.</summary>
    public static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
