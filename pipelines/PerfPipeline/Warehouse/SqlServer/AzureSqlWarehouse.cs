namespace PerfPipeline.Warehouse.SqlServer;

using Microsoft.Extensions.Logging;

using PerfPipeline.Warehouse.Resilience;

/// <summary>The Azure SQL warehouse as hosts use it: every call retried whole on Azure SQL's transient faults.</summary>
internal static class AzureSqlWarehouse
{
    /// <param name="connectionString">With <c>Authentication=Active Directory Default</c> in Azure: no password (docs/sqlserver.md).</param>
    /// <param name="computeIndicators">The indicator engine a load runs on the case data it leaves.</param>
    /// <param name="timeProvider">Clock for audit times and retry delays.</param>
    /// <param name="retry">Retry settings (configuration section <see cref="WarehouseRetryOptions.SectionName"/>); defaults when null.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="computeTeamFigures">The figures by team and the work list a load stores; none when null.</param>
    public static IWarehouse Open(
        string connectionString, ComputeIndicators computeIndicators, TimeProvider timeProvider, WarehouseRetryOptions? retry = null, ILogger? logger = null,
        ComputeTeamFigures? computeTeamFigures = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new ResilientWarehouse(
            new SqlServerWarehouse(connectionString, computeIndicators, timeProvider, computeTeamFigures),
            new WarehouseRetry(retry ?? new WarehouseRetryOptions(), SqlServerTransientFaults.IsTransient, timeProvider, logger));
    }
}
