namespace PerfPipeline.Loading;

using PerfPipeline.Batches;

/// <summary>
/// A batch source that says which file of a batch is opened, for <c>run</c>'s progress: the reader opens the manifest,
/// then one file per dataset, so each open is the start of that dataset's reading. Everything else passes through.
/// </summary>
internal sealed class FileOpeningReporter(IBatchSource inner, Action<string> opened) : DelegatingBatchSource(inner)
{
    public override Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default)
    {
        opened(fileName);
        return base.OpenFileAsync(batch, fileName, cancellationToken);
    }
}
