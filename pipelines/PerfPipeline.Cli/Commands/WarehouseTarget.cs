namespace PerfPipeline.Cli.Commands;

using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;

using PerfPipeline.Indicators.Teams;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.Sqlite;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>The warehouse a command line names: a SQLite file, or an Azure SQL database.</summary>
internal sealed record WarehouseTarget
{
    private WarehouseTarget(string? databasePath, string? sqlServerConnectionString)
    {
        DatabasePath = databasePath;
        SqlServerConnectionString = sqlServerConnectionString;
    }

    public string? DatabasePath { get; }

    public string? SqlServerConnectionString { get; }

    public static WarehouseTarget Sqlite(string databasePath) => new(Path.GetFullPath(databasePath), null);

    public static WarehouseTarget SqlServer(string connectionString) => new(null, connectionString);

    /// <summary>Where archive, quarantine, reports and the generated key live: beside the SQLite file, else the context's data folder.</summary>
    public string DataFolder(CliContext context) =>
        DatabasePath is { } path ? Path.GetDirectoryName(path)! : Path.GetFullPath(context.DataFolder);

    /// <summary>What to show for it: the file, or the server and database (never the connection string).</summary>
    public string Description => SqlServerConnectionString is { } connectionString ? AzureSql(new SqlConnectionStringBuilder(connectionString)) : DatabasePath!;

    private static string AzureSql(SqlConnectionStringBuilder builder) => $"Azure SQL {builder.DataSource}/{builder.InitialCatalog}";

    /// <summary>
    /// The warehouse, computing indicators with <paramref name="computeIndicators"/>; Azure SQL with its retry
    /// settings from <c>PerfPipeline:SqlServer:Retry</c>.
    /// </summary>
    public IWarehouse Open(CliContext context, ComputeIndicators computeIndicators)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SqlServerConnectionString is { } connectionString)
        {
            var retry = context.Configuration.GetSection(WarehouseRetryOptions.SectionName).Get<WarehouseRetryOptions>();
            return AzureSqlWarehouse.Open(connectionString, computeIndicators, context.TimeProvider, retry, computeTeamFigures: TeamFigures.Compute);
        }

        return new SqliteWarehouse(DatabasePath!, computeIndicators, context.TimeProvider, TeamFigures.Compute);
    }

    /// <summary>The officers' commentary kept in the same warehouse.</summary>
    public Reporting.ICommentaryStore Commentary() =>
        SqlServerConnectionString is { } connectionString ? Reporting.CommentaryStores.SqlServer(connectionString) : Reporting.CommentaryStores.Sqlite(DatabasePath!);
}
