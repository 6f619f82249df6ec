namespace PerfPipeline.Warehouse.Sqlite;

using DbUp;

/// <summary>Applies the numbered scripts of <c>sql/sqlite/</c> (embedded in this library) with DbUp.</summary>
internal static class SqliteMigrations
{
    private const string ResourcePrefix = "PerfPipeline.Sql.Sqlite.";

    /// <summary>Runs the scripts not yet applied (journal: <c>SchemaVersions</c>); returns how many ran.</summary>
    public static int Apply(string connectionString)
    {
        var upgrader = DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqliteMigrations).Assembly, name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Warehouse migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Count();
    }
}
