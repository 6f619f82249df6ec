namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;

/// <summary>
/// Bulk insert of a dataset's accepted rows into its table: one prepared INSERT per table, its parameters
/// rebound for every row, inside the load's transaction.
/// </summary>
internal static class SqliteFactWriter
{
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, DatasetExtract dataset, LoadKey key)
    {
        var contract = dataset.Contract;
        var isSnapshot = contract.Kind == DatasetKind.Snapshot;
        var columns = new List<string> { "la_code" };
        if (isSnapshot)
        {
            columns.Add("as_at");
        }

        columns.AddRange(contract.Columns.Select(c => c.StoredAs));
        columns.Add("load_id");

        using var command = SqliteCommands.Prepare(
            connection,
            transaction,
            $"INSERT INTO {contract.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})",
            columns.Count);
        var parameters = command.Parameters;

        parameters[0].Value = key.LaCode;
        var firstValue = 1;
        if (isSnapshot)
        {
            parameters[1].Value = StoredValues.Date(key.AsAt);
            firstValue = 2;
        }

        parameters[^1].Value = key.LoadId;

        var specs = contract.Columns;
        foreach (var row in dataset.Rows)
        {
            var values = row.Values;
            for (var i = 0; i < specs.Count; i++)
            {
                parameters[firstValue + i].Value = StoredValues.ToStored(specs[i], values[i]);
            }

            command.ExecuteNonQuery();
        }
    }
}
