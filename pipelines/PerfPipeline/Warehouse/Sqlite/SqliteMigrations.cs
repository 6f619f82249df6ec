namespace PerfPipeline.Warehouse.Sqlite;

using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Sqlite.Helpers;

using Microsoft.Data.Sqlite;

/// <summary>Applies the numbered scripts of <c>sql/sqlite/</c> (embedded in this library) with DbUp.</summary>
internal static class SqliteMigrations
{
    private const string ResourcePrefix = "PerfPipeline.Sql.Sqlite.";

    /// <summary>
    /// Runs the scripts not yet applied (journal: <c>SchemaVersions</c>) on the opening's own connection, all in one
    /// transaction: a script that fails leaves none of them applied, and a new file's ~20 scripts commit (and sync) once
    /// instead of once each. Returns how many ran.
    /// </summary>
    public static int Apply(SqliteConnection connection)
    {
        var result = DeployChanges.To.SqliteDatabase(new SharedConnection(connection))
            .WithEmbeddedScripts()
            .WithTransaction()
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Warehouse migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return result.Scripts.Count();
    }

    /// <summary>As <see cref="Apply(SqliteConnection)"/>, on a connection of its own.</summary>
    public static int Apply(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return Apply(connection);
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
        DeployChanges.To.SqliteDatabase(connectionString).WithEmbeddedScripts().Build();

    private static UpgradeEngineBuilder WithEmbeddedScripts(this UpgradeEngineBuilder builder) =>
        builder.WithScriptsEmbeddedInAssembly(typeof(SqliteMigrations).Assembly, name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .LogToNowhere();

    private static string FileName(string scriptName) =>
        scriptName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? scriptName[ResourcePrefix.Length..] : scriptName;
}
