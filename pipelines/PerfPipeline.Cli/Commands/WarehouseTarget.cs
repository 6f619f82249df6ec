namespace PerfPipeline.Cli.Commands;

/// <summary>
/// The warehouse a command line names, if it names one: <c>--db PATH</c> (a SQLite file) or <c>--sqlserver CONNSTR</c>.
/// Neither: the configured warehouse (<c>PerfPipeline__SqlServer__ConnectionString</c> or
/// <c>PerfPipeline__Sqlite__DatabasePath</c>), else the SQLite file in the data folder.
/// </summary>
internal sealed record WarehouseTarget(string? DatabasePath, string? SqlServerConnectionString)
{
    public static WarehouseTarget Configured { get; } = new(null, null);

    public static WarehouseTarget Sqlite(string databasePath) => new(Path.GetFullPath(databasePath), null);

    public static WarehouseTarget SqlServer(string connectionString) => new(null, connectionString);
}
