namespace PerfPipeline.Hosting;

using Microsoft.Extensions.Logging;

using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>Opens the configured warehouse, computing indicator values with the catalogue's engine, and the figures by team and work list beside them.</summary>
internal static class Warehouses
{
    /// <summary>Azure SQL (retried on its transient faults, <see cref="SqlServerWarehouseOptions.Retry"/>) when configured, else the SQLite file.</summary>
    /// <param name="careLeavers">The care-leaver cohort's rules the engine applies (<see cref="CareLeaverOptions"/>).</param>
    public static IWarehouse Open(WarehouseOptions options, TimeProvider timeProvider, ILogger logger, CaseData.CareLeaverCohort careLeavers)
    {
        // One engine for both, so the figures by team reuse what the LA's figures prepared from the same case data.
        var engine = new IndicatorEngine(IndicatorSettings.Default with { CareLeavers = careLeavers });
        var workList = new WorkListBuilder();
        ComputeTeamFigures teamFigures = data => TeamFigures.Compute(data, engine, workList);
        return options.UsesSqlServer
            ? AzureSqlWarehouse.Open(options.SqlServer.ConnectionString!, engine.ComputeAll, timeProvider, options.SqlServer.Retry, logger, teamFigures)
            : new SqliteWarehouse(Path.GetFullPath(options.Sqlite.DatabasePath!), engine.ComputeAll, timeProvider, teamFigures)
            {
                // Every load gets a batch read for it (a replay reads it again) and nothing retries a SQLite load.
                ReleasesWrittenRows = true,
            };
    }
}
