namespace PerfPipeline.Reporting;

/// <summary>Opens the commentary store of a warehouse: the SQLite file or the Azure SQL database (migrated by the warehouse).</summary>
public static class CommentaryStores
{
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
