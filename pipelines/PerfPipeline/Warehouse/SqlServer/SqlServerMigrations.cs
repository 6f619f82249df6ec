namespace PerfPipeline.Warehouse.SqlServer;

using System.Reflection;

using DbUp;
using DbUp.Engine;

/// <summary>
/// Applies the numbered scripts of <c>sql/sqlserver/</c> (embedded in this library) with DbUp; the journal is
/// <c>dbo.SchemaVersions</c>, as in SQLite. Each script runs in its own transaction, so a failed or interrupted
/// run leaves the applied scripts journaled and the next run carries on from the first one that is not.
/// </summary>
internal static class SqlServerMigrations
{
    public const string ResourcePrefix = "PerfPipeline.Sql.SqlServer.";

    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The embedded scripts in the order DbUp applies them: name (e.g. <c>0001_audit.sql</c>) and text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Scripts()
    {
        var assembly = typeof(SqlServerMigrations).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(IsScript)
            .Order(StringComparer.Ordinal)
            .Select(name => (name[ResourcePrefix.Length..], Read(assembly, name)))];
    }

    /// <summary>Runs the scripts not yet applied; returns the names of those that ran.</summary>
    public static IReadOnlyList<string> Apply(string connectionString)
    {
        var result = Upgrader(connectionString).PerformUpgrade();
        if (!result.Successful)
        {
            // The SqlException stays the inner exception, so the retry can tell a transient failure.
            throw new InvalidOperationException($"Warehouse migration {result.ErrorScript?.Name} failed: {result.Error.Message}", result.Error);
        }

        return [.. result.Scripts.Select(s => s.Name[ResourcePrefix.Length..])];
    }

    /// <summary>The journal against the embedded scripts; reads only (the app's reader role is enough).</summary>
    public static WarehouseSchemaStatus Check(string connectionString)
    {
        var applied = Upgrader(connectionString).GetExecutedScripts().Select(FileName);
        return WarehouseSchemaStatus.Compare(Scripts().Select(s => s.Name), applied);
    }

    private static UpgradeEngine Upgrader(string connectionString) =>
        DeployChanges.To.SqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqlServerMigrations).Assembly, IsScript)
            .JournalToSqlTable("dbo", "SchemaVersions")
            .WithTransactionPerScript()
            .WithExecutionTimeout(ScriptTimeout)
            .WithVariablesDisabled()
            .LogToNowhere()
            .Build();

    private static string FileName(string scriptName) =>
        scriptName.StartsWith(ResourcePrefix, StringComparison.Ordinal) ? scriptName[ResourcePrefix.Length..] : scriptName;

    private static bool IsScript(string resourceName) =>
        resourceName.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resourceName.EndsWith(".sql", StringComparison.Ordinal);

    private static string Read(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
