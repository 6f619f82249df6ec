namespace PerfPipeline.Hosting;

using Microsoft.Extensions.Configuration;

using PerfPipeline.Indicators;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>Opens the configured warehouse, computing indicator values with the catalogue's engine.</summary>
internal static class Warehouses
{
    public static IWarehouse Open(IConfiguration configuration, TimeProvider timeProvider)
    {
        var engine = new IndicatorEngine();
        if (!string.IsNullOrWhiteSpace(configuration[PipelineSettings.SqlServerConnectionString]))
        {
            throw new InvalidOperationException($"'{PipelineSettings.SqlServerConnectionString}' is set, but this build has no SQL Server warehouse yet.");
        }

        var path = configuration[PipelineSettings.SqliteDatabasePath];
        return string.IsNullOrWhiteSpace(path)
            ? throw new InvalidOperationException($"Configure a warehouse: '{PipelineSettings.SqlServerConnectionString}' (Azure SQL) or '{PipelineSettings.SqliteDatabasePath}' (a SQLite file).")
            : new SqliteWarehouse(path, engine.ComputeAll, timeProvider);
    }
}
