namespace PerfPipeline.Extracts;

using System.Threading.Channels;

/// <summary>
/// A batch being read on the thread pool: its manifest once parsed, each dataset as soon as it is final (validated,
/// and derived where the batch left values empty), then the whole batch with its batch-wide checks. A load takes each
/// dataset while the next file is read, on the other core, and learns only from <see cref="Completion"/> whether the
/// batch is accepted: it must be able to undo what it wrote (one transaction).
/// </summary>
internal sealed class BatchReading : IAsyncDisposable
{
    private readonly Channel<DatasetExtract> _datasets = Channel.CreateUnbounded<DatasetExtract>(new() { SingleReader = true, SingleWriter = true });
    private readonly TaskCompletionSource<BatchManifest?> _manifest = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource? _cancellation;

    private BatchReading(CancellationTokenSource? cancellation) => _cancellation = cancellation;

    /// <summary>What the reader tells the reading as it goes.</summary>
    internal interface IWriter
    {
        void ManifestRead(BatchManifest manifest);

        /// <summary>A dataset whose rows will not change any more: the batch holds it as it is now (or the batch is rejected).</summary>
        void DatasetRead(DatasetExtract dataset);
    }

    /// <summary>The parsed manifest, or null when the batch has none it can read (the batch is then rejected).</summary>
    public Task<BatchManifest?> Manifest => _manifest.Task;

    /// <summary>The whole batch once read and checked; faults as the reading does.</summary>
    public Task<ExtractBatch> Completion { get; private set; } = null!;

    /// <summary>Starts <paramref name="read"/> on the thread pool; disposing the reading cancels it and waits for it.</summary>
    public static BatchReading Start(Func<IWriter, CancellationToken, Task<ExtractBatch>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = new BatchReading(cancellation);
        reading.Completion = Task.Run(() => reading.RunAsync(read, cancellation.Token), CancellationToken.None);
        return reading;
    }

    /// <summary>A batch read already: its datasets all final at once.</summary>
    public static BatchReading Of(ExtractBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var reading = new BatchReading(null) { Completion = Task.FromResult(batch) };
        reading._manifest.SetResult(batch.Manifest);
        foreach (var dataset in batch.Datasets)
        {
            reading._datasets.Writer.TryWrite(dataset);
        }

        reading._datasets.Writer.Complete();
        return reading;
    }

    /// <summary>Each dataset as it becomes final, in the order the reader finished them; ends when the reading does, however it ends.</summary>
    public IAsyncEnumerable<DatasetExtract> ReadDatasetsAsync(CancellationToken cancellationToken) => _datasets.Reader.ReadAllAsync(cancellationToken);

    private async Task<ExtractBatch> RunAsync(Func<IWriter, CancellationToken, Task<ExtractBatch>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await read(new Writer(this), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // However the reading ends, nothing waits for a manifest or a dataset that will not come.
            _manifest.TrySetResult(null);
            _datasets.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cancellation is null)
        {
            return;
        }

        await _cancellation.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The reading's failure is the load's to report (from Completion), or moot once the load has failed.
        }

        _cancellation.Dispose();
    }

    private sealed class Writer(BatchReading reading) : IWriter
    {
        public void ManifestRead(BatchManifest manifest) => reading._manifest.TrySetResult(manifest);

        public void DatasetRead(DatasetExtract dataset) => reading._datasets.Writer.TryWrite(dataset);
    }
}
