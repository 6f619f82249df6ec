namespace PerfPipeline.Reporting;

using PerfPipeline.Hosting;

/// <summary>Opens the commentary store of a warehouse: the SQLite file or the Azure SQL database (migrated by the warehouse).</summary>
public static class CommentaryStores
{
    /// <summary>The store of the warehouse the options choose: Azure SQL when its connection string is set, else the SQLite file.</summary>
    public static ICommentaryStore For(WarehouseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.UsesSqlServer ? SqlServer(options.SqlServer.ConnectionString!) : Sqlite(Path.GetFullPath(options.Sqlite.DatabasePath!));
    }

    public static ICommentaryStore Sqlite(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        return new SqliteCommentaryStore(databasePath);
    }

    public static ICommentaryStore SqlServer(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new SqlServerCommentaryStore(connectionString);
    }
}
