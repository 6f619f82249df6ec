namespace PerfPipeline.Warehouse.Loading;

using PerfPipeline.Extracts;

/// <summary>
/// A warehouse that writes a batch's datasets while the batch is still being read, so reading and writing share the
/// machine's cores. Only one whose load nothing retries: a reading cannot be replayed. The SQLite file is one; Azure
/// SQL, whose loads its retry policy may rerun whole on a transient fault, takes a batch read already.
/// </summary>
internal interface ILoadWhileReading
{
    /// <summary>
    /// Loads the batch <paramref name="reading"/> reads, found under <paramref name="key"/>, asking <paramref name="gate"/>
    /// once it is read whether to go on; null when the batch is rejected or the gate stops the load (nothing written is kept).
    /// </summary>
    Task<WarehouseLoadResult?> LoadAsync(LoadKey key, BatchReading reading, LoadMode mode, LoadGate gate, CancellationToken cancellationToken);
}
