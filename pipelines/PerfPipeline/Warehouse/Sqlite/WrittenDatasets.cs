namespace PerfPipeline.Warehouse.Sqlite;

using PerfPipeline.Extracts;

/// <summary>
/// The datasets a load has written, whose rows in the warehouse are now exactly the batch's: each event dataset made
/// current (the LA's rows were deleted first) and each snapshot dataset at the batch's <c>as_at</c>.
/// </summary>
internal sealed class WrittenDatasets(DateOnly asAt)
{
    private readonly Dictionary<DatasetContract, AcceptedRows> _rows = [];

    public DateOnly AsAt => asAt;

    /// <summary>Whether the case data reader releases each dataset's rows once it has built its records from them.</summary>
    public bool ReleaseOnceRead { get; set; }

    public void Add(DatasetExtract dataset) => _rows[dataset.Contract] = dataset.Rows;

    public AcceptedRows? Find(DatasetContract dataset) => _rows.GetValueOrDefault(dataset);
}
