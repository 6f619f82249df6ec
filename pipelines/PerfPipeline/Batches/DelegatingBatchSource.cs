namespace PerfPipeline.Batches;

using PerfPipeline.Extracts;

/// <summary>
/// A batch source that passes every call to another, for decorators that change one or two of them (progress
/// reporting, and the tests' slow and faulty sources) and must not drop the rest, such as the irregular-entry check.
/// </summary>
internal abstract class DelegatingBatchSource(IBatchSource inner) : IBatchSource
{
    public virtual IAsyncEnumerable<BatchLocation> FindBatchesAsync(CancellationToken cancellationToken = default) => inner.FindBatchesAsync(cancellationToken);

    public virtual Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default) =>
        inner.OpenFileAsync(batch, fileName, cancellationToken);

    public virtual Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default) => inner.ArchiveAsync(batch, loadId, cancellationToken);

    public virtual Task QuarantineAsync(BatchLocation batch, string loadId, ValidationReport report, CancellationToken cancellationToken = default) =>
        inner.QuarantineAsync(batch, loadId, report, cancellationToken);

    public virtual IAsyncEnumerable<BatchCopy> ListCopiesAsync(CancellationToken cancellationToken = default) => inner.ListCopiesAsync(cancellationToken);

    public virtual Task<bool> DeleteCopyAsync(BatchCopy copy, CancellationToken cancellationToken = default) => inner.DeleteCopyAsync(copy, cancellationToken);

    public virtual Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default) =>
        inner.OpenArchivedFileAsync(batch, loadId, fileName, cancellationToken);

    public virtual Task<IReadOnlyList<(string Name, string What)>> FindIrregularEntriesAsync(BatchLocation batch, CancellationToken cancellationToken = default) =>
        inner.FindIrregularEntriesAsync(batch, cancellationToken);
}
