namespace PerfPipeline.Warehouse.Sqlite;

using PerfPipeline.Extracts;
using PerfPipeline.Warehouse.Loading;

/// <summary>
/// The datasets a load has written, whose rows in the warehouse are now exactly the batch's: each event dataset made
/// current (the LA's rows were deleted first) and each snapshot dataset at the batch's <c>as_at</c>. Their case records
/// are built on the other core as each is added (<see cref="SqliteCaseDataReader.StartMapping"/>).
/// </summary>
internal sealed class WrittenDatasets(DateOnly asAt)
{
    private readonly Dictionary<DatasetContract, Written> _written = [];

    public DateOnly AsAt => asAt;

    /// <summary>Whether the rows of each dataset are released once its records are taken and its rows inserted.</summary>
    public bool ReleaseOnceRead { get; set; }

    /// <summary>
    /// Records the dataset as written, or to be inserted later (<see cref="IDeferredInserts"/>), and starts building its
    /// case records; its rows must not change after.
    /// </summary>
    /// <param name="dataset">The dataset written.</param>
    /// <param name="keyOrder">Its rows' order by primary key when the load has it already (<see cref="StoredTextOrder.InsertOrder"/>).</param>
    public void Add(DatasetExtract dataset, int[]? keyOrder) =>
        _written[dataset.Contract] = new(dataset.Rows, SqliteCaseDataReader.StartMapping(dataset.Rows, keyOrder));

    /// <summary>Records that the dataset's rows are in the warehouse now; they are released if their records were taken.</summary>
    public void Inserted(DatasetContract dataset) => Done(_written[dataset], inserted: true);

    /// <summary>
    /// The records of a written dataset, once built, or null if it was not written. The rows are then released, once
    /// inserted, when <see cref="ReleaseOnceRead"/> says so: the records share their texts, and the rest of the batch
    /// need not be held through the indicator pass. At scale 20 this took 120 MiB off the live heap and 160 MiB off
    /// <c>run</c>'s peak (docs/performance.md). The records may be taken on another thread than the inserts'.
    /// </summary>
    public Task<List<T>>? RecordsAsync<T>(DatasetContract dataset)
    {
        if (!_written.TryGetValue(dataset, out var written) || written.Records is not Task<List<T>> mapping)
        {
            return null;
        }

        return TakeAsync(mapping, written);
    }

    private async Task<List<T>> TakeAsync<T>(Task<List<T>> mapping, Written written)
    {
        // Awaiting rethrows the mapping's own exception (a required value missing), not an AggregateException.
        var records = await mapping.ConfigureAwait(false);
        Done(written, inserted: false);
        return records;
    }

    /// <summary>Marks the rows inserted or their records taken, and releases them once both are.</summary>
    private void Done(Written written, bool inserted)
    {
        lock (written)
        {
            if (inserted)
            {
                written.Inserted = true;
            }
            else
            {
                written.Taken = true;
            }

            if (ReleaseOnceRead && written.Inserted && written.Taken)
            {
                written.Rows.Release();
            }
        }
    }

    private sealed class Written(AcceptedRows rows, Task? records)
    {
        public AcceptedRows Rows => rows;

        public Task? Records => records;

        public bool Inserted { get; set; }

        public bool Taken { get; set; }
    }
}
