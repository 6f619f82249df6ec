namespace PerfPipeline.Warehouse.Sqlite;

using DbUp;
using DbUp.Engine;

/// <summary>Applies the numbered scripts of <c>sql/sqlite/</c> (embedded in this library) with DbUp.</summary>
internal static class SqliteMigrations
{
    private const string ResourcePrefix = "PerfPipeline.Sql.Sqlite.";

    /// <summary>Runs the scripts not yet applied (journal: <c>SchemaVersions</c>); returns how many ran.</summary>
    public static int Apply(string connectionString)
    {
        var result = Upgrader(connectionString).PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Warehouse migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Count();
    }

    /// <summary>The journal against the embedded scripts; reads only.</summary>
    public static WarehouseSchemaStatus Check(string connectionString)
    {
        var applied = Upgrader(connectionString).GetExecutedScripts().Select(FileName);
        return WarehouseSchemaStatus.Compare(Known(), applied);
    }

    /// <summary>The embedded scripts' file names.</summary>
    public static IReadOnlyList<string> Known() =>
        [.. typeof(SqliteMigrations).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(FileName)
            .Order(StringComparer.Ordinal)];

    private static UpgradeEngine Upgrader(string connectionString) =>
        DeployChanges.To.SqliteDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqliteMigrations).Assembly, name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();

    private static string FileName(string scriptName) =>
        scriptName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? scriptName[ResourcePrefix.Length..] : scriptName;
}
