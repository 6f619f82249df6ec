namespace PerfPipeline.Batches;

using PerfPipeline.Extracts;

/// <summary>Where a batch lives: <c>{la_code}/{as_at}/</c> under the source's extracts root.</summary>
public sealed record BatchLocation(string LaCode, DateOnly AsAt)
{
    public string Path => $"{LaCode}/{AsAt:yyyy-MM-dd}";

    /// <summary>Parses a manifest's path, <c>{la}/{yyyy-MM-dd}/manifest.json</c> (e.g. a blob trigger's blob name).</summary>
    public static bool TryParseManifestPath(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BatchLocation? batch) =>
        BlobBatchSource.TryParseManifestName(path, out batch);

    public override string ToString() => Path;
}

/// <summary>
/// The batch source port: a local folder (embedded default) or a blob container (Azure).
/// The source never modifies or deletes the LA's own files: archive and quarantine are copies.
/// </summary>
public interface IBatchSource
{
    /// <summary>Every complete batch (one with a <c>manifest.json</c>) under the extracts root.</summary>
    IAsyncEnumerable<BatchLocation> FindBatchesAsync(CancellationToken cancellationToken = default);

    /// <summary>Opens a file of the batch for reading, or returns null when it does not exist.</summary>
    Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default);

    /// <summary>Copies a loaded batch to <c>archive/{la}/{as_at}/{load_id}/</c>.</summary>
    Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default);

    /// <summary>Copies a rejected batch to <c>quarantine/{la}/{as_at}/{load_id}/</c> with its error report and summary.</summary>
    Task QuarantineAsync(BatchLocation batch, string loadId, ValidationReport report, CancellationToken cancellationToken = default);

    /// <summary>Every copy in the archive and the quarantine, with when it was written (complete copies only).</summary>
    IAsyncEnumerable<BatchCopy> ListCopiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes one copy from the archive or the quarantine (retention: <c>perfpipeline purge</c>). The copy stops being
    /// listed before its files go, so a delete cut short never leaves a copy that looks complete; running it again
    /// finishes the job. Returns false when there was no such copy.
    /// </summary>
    Task<bool> DeleteCopyAsync(BatchCopy copy, CancellationToken cancellationToken = default);

    /// <summary>Reopens an archived (or quarantined) copy for replay.</summary>
    Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default);

    /// <summary>
    /// The entries of the batch that are not regular files (symbolic links, folders), listed or not, with what each is:
    /// the reader reports each as a file error and nothing of them is read or copied. A blob container has none.
    /// </summary>
    Task<IReadOnlyList<(string Name, string What)>> FindIrregularEntriesAsync(BatchLocation batch, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string Name, string What)>>([]);
}
