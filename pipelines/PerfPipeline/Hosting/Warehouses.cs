namespace PerfPipeline.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.Sqlite;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>Opens the configured warehouse, computing indicator values with the catalogue's engine, and the figures by team and work list beside them.</summary>
internal static class Warehouses
{
    /// <summary>Azure SQL (retried on its transient faults, <see cref="WarehouseRetryOptions.SectionName"/>) when configured, else the SQLite file.</summary>
    public static IWarehouse Open(IConfiguration configuration, TimeProvider timeProvider, ILogger logger)
    {
        var engine = new IndicatorEngine();
        var connectionString = configuration[PipelineSettings.SqlServerConnectionString];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var retry = configuration.GetSection(WarehouseRetryOptions.SectionName).Get<WarehouseRetryOptions>();
            return AzureSqlWarehouse.Open(connectionString, engine.ComputeAll, timeProvider, retry, logger, TeamFigures.Compute);
        }

        var path = configuration[PipelineSettings.SqliteDatabasePath];
        return string.IsNullOrWhiteSpace(path)
            ? throw new InvalidOperationException($"Configure a warehouse: '{PipelineSettings.SqlServerConnectionString}' (Azure SQL) or '{PipelineSettings.SqliteDatabasePath}' (a SQLite file).")
            : new SqliteWarehouse(path, engine.ComputeAll, timeProvider, TeamFigures.Compute);
    }
}
