namespace PerfPipeline.Functions;

using Microsoft.Extensions.Hosting;

using PerfPipeline.Warehouse;

/// <summary>Brings the warehouse schema up to date when the app starts, before any function reads or loads.</summary>
internal sealed class WarehouseMigration(IWarehouse warehouse) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => warehouse.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
