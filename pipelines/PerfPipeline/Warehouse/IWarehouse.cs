namespace PerfPipeline.Warehouse;

/// <summary>
/// The whole warehouse (SQLite, embedded default, or Azure SQL): its three ports together, for the composition root
/// that builds one per host. Consumers take the port they use: <see cref="IWarehouseWriter"/> to load,
/// <see cref="ILoadAudit"/> to ask what was loaded, <see cref="IWarehouseReadModel"/> to read what a dashboard shows.
/// </summary>
public interface IWarehouse : IWarehouseWriter, ILoadAudit, IWarehouseReadModel
{
}
