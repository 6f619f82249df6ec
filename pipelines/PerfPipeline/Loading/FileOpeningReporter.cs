namespace PerfPipeline.Loading;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

/// <summary>
/// A batch source that says which file of a batch is opened, for <c>run</c>'s progress: the reader opens the manifest,
/// then one file per dataset, so each open is the start of that dataset's reading. Everything else passes through.
/// </summary>
internal sealed class FileOpeningReporter(IBatchSource inner, Action<string> opened) : IBatchSource
{
    public IAsyncEnumerable<BatchLocation> FindBatchesAsync(CancellationToken cancellationToken = default) => inner.FindBatchesAsync(cancellationToken);

    public Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default)
    {
        opened(fileName);
        return inner.OpenFileAsync(batch, fileName, cancellationToken);
    }

    public Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default) => inner.ArchiveAsync(batch, loadId, cancellationToken);

    public Task QuarantineAsync(BatchLocation batch, string loadId, ValidationReport report, CancellationToken cancellationToken = default) =>
        inner.QuarantineAsync(batch, loadId, report, cancellationToken);

    public IAsyncEnumerable<BatchCopy> ListCopiesAsync(CancellationToken cancellationToken = default) => inner.ListCopiesAsync(cancellationToken);

    public Task<bool> DeleteCopyAsync(BatchCopy copy, CancellationToken cancellationToken = default) => inner.DeleteCopyAsync(copy, cancellationToken);

    public Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default) =>
        inner.OpenArchivedFileAsync(batch, loadId, fileName, cancellationToken);

    public Task<IReadOnlyList<(string Name, string What)>> FindIrregularEntriesAsync(BatchLocation batch, CancellationToken cancellationToken = default) =>
        inner.FindIrregularEntriesAsync(batch, cancellationToken);
}
