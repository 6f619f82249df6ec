namespace PerfPipeline.Warehouse.SqlServer;

using Microsoft.Data.SqlClient;

/// <summary>SqlBulkCopy of rows into a table inside a transaction, columns mapped by name, constraints checked.</summary>
internal static class SqlServerBulkCopy
{
    public static async Task WriteAsync<T>(
        SqlConnection connection, SqlTransaction transaction, SqlServerBulkTarget target, IEnumerable<T> rows, Action<T, object[]> fill,
        CancellationToken cancellationToken)
    {
        using var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = target.Table,
            BulkCopyTimeout = SqlServerConnections.CommandTimeoutSeconds,
        };
        foreach (var column in target.Columns)
        {
            bulkCopy.ColumnMappings.Add(column, column);
        }

        var reader = new BulkRowReader<T>(rows, target.Columns, fill);
        await using (reader.ConfigureAwait(false))
        {
            await bulkCopy.WriteToServerAsync(reader, cancellationToken).ConfigureAwait(false);
        }
    }
}
