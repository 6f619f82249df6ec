namespace PerfPipeline.Batches;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using PerfPipeline.Extracts;

/// <summary>
/// The batch source on a local folder (the embedded default). Batches are <c>{la_code}/{as_at}/</c> folders holding a
/// <c>manifest.json</c>; anything else under the root is ignored. The LA's own files are only ever read: archive and
/// quarantine are copies, written to a hidden partial folder and renamed into place so that a crash never leaves a
/// copy that looks complete. Only regular files are read or copied: a symbolic link (to anywhere) or a folder inside a
/// batch is refused, and an entry that reports no size (an empty file, or a FIFO, device or socket) is never opened, so
/// it can neither hang a read nor copy without end. Copies are bounded (<see cref="LocalFolderBatchSourceOptions.MaxFileBytes"/>)
/// and owner-only.
/// </summary>
internal sealed class LocalFolderBatchSource : IBatchSource
{
    private const int CopyBufferSize = 1 << 16;

    private readonly LocalFolderBatchSourceOptions _options;

    public LocalFolderBatchSource(LocalFolderBatchSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public async IAsyncEnumerable<BatchLocation> FindBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_options.ExtractsRoot))
        {
            yield break;
        }

        foreach (var laFolder in Directory.EnumerateDirectories(_options.ExtractsRoot).Order(StringComparer.Ordinal))
        {
            var laCode = Path.GetFileName(laFolder);
            if (!BatchFileNames.IsLaCode(laCode) || IsLink(laFolder))
            {
                continue;
            }

            foreach (var asAtFolder in Directory.EnumerateDirectories(laFolder).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsLink(asAtFolder) && DateOnly.TryParseExact(Path.GetFileName(asAtFolder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt)
                    && File.Exists(Path.Combine(asAtFolder, BatchFileNames.Manifest)))
                {
                    yield return new BatchLocation(laCode, asAt);
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return Task.FromResult<Stream?>(OpenRead(Path.Combine(BatchFolder(_options.ExtractsRoot, batch), PlainName(fileName))));
    }

    public Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return CopyBatchAsync(batch, _options.ArchiveRoot, loadId, null, cancellationToken);
    }

    public Task QuarantineAsync(BatchLocation batch, string loadId, ValidationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(report);
        return CopyBatchAsync(batch, _options.QuarantineRoot, loadId, report, cancellationToken);
    }

    public async IAsyncEnumerable<BatchCopy> ListCopiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (kind, root) in new[] { (BatchCopyKind.Archive, _options.ArchiveRoot), (BatchCopyKind.Quarantine, _options.QuarantineRoot) })
        {
            foreach (var copy in ListCopies(kind, root))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return copy;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The copies under one root; a copy is written to a hidden partial folder and renamed, so its folder's time is when it was completed.</summary>
    private static IEnumerable<BatchCopy> ListCopies(BatchCopyKind kind, string root)
    {
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var laFolder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var laCode = Path.GetFileName(laFolder);
            if (!BatchFileNames.IsLaCode(laCode) || IsLink(laFolder))
            {
                continue;
            }

            foreach (var asAtFolder in Directory.EnumerateDirectories(laFolder).Order(StringComparer.Ordinal))
            {
                if (IsLink(asAtFolder) || !DateOnly.TryParseExact(Path.GetFileName(asAtFolder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
                {
                    continue;
                }

                foreach (var copyFolder in Directory.EnumerateDirectories(asAtFolder).Order(StringComparer.Ordinal))
                {
                    var loadId = Path.GetFileName(copyFolder);
                    if (!loadId.StartsWith('.') && BatchFileNames.IsPlain(loadId) && !IsLink(copyFolder))
                    {
                        yield return new BatchCopy(kind, new BatchLocation(laCode, asAt), loadId, new DateTimeOffset(Directory.GetLastWriteTimeUtc(copyFolder), TimeSpan.Zero));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Renames the copy's folder to a hidden one (no longer listed, nor read by a replay) and then deletes it; the
    /// <c>as_at</c> and LA folders go too when nothing else is left in them.
    /// </summary>
    public Task<bool> DeleteCopyAsync(BatchCopy copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var id = PlainName(copy.LoadId);
        var parent = BatchFolder(copy.Kind == BatchCopyKind.Archive ? _options.ArchiveRoot : _options.QuarantineRoot, copy.Batch);
        var folder = Path.Combine(parent, id);
        var deleted = false;
        if (Directory.Exists(folder) && !IsLink(folder))
        {
            var purging = Path.Combine(parent, $".{id}.purging-{Guid.NewGuid():N}");
            Directory.Move(folder, purging);
            deleted = true;
        }

        if (Directory.Exists(parent))
        {
            // Also what an earlier purge cut short left behind.
            foreach (var stale in Directory.EnumerateDirectories(parent, $".{id}.purging-*"))
            {
                Directory.Delete(stale, recursive: true);
            }

            DeleteIfEmpty(parent);
            DeleteIfEmpty(Path.GetDirectoryName(parent)!);
        }

        return Task.FromResult(deleted);
    }

    private static void DeleteIfEmpty(string folder)
    {
        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }

    public Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var name = PlainName(fileName);
        var id = PlainName(loadId);
        var stream = OpenRead(Path.Combine(BatchFolder(_options.ArchiveRoot, batch), id, name))
            ?? OpenRead(Path.Combine(BatchFolder(_options.QuarantineRoot, batch), id, name));
        return Task.FromResult<Stream?>(stream);
    }

    public Task<IReadOnlyList<(string Name, string What)>> FindIrregularEntriesAsync(BatchLocation batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var folder = new DirectoryInfo(BatchFolder(_options.ExtractsRoot, batch));
        var irregular = new List<(string, string)>();
        if (folder.Exists)
        {
            foreach (var entry in folder.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (Irregular(entry) is { } what)
                {
                    irregular.Add((entry.Name, what));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<(string, string)>>(irregular);
    }

    /// <summary>What an entry is when it is not a regular file; null for a regular file (or one that reports no size).</summary>
    private static string? Irregular(FileSystemInfo entry) =>
        entry.LinkTarget is not null ? "a symbolic link"
        : entry.Attributes.HasFlag(FileAttributes.Directory) ? "a folder"
        : null;

    private static bool IsLink(string path) => new DirectoryInfo(path).LinkTarget is not null;

    private static string BatchFolder(string root, BatchLocation batch) =>
        Path.Combine(root, PlainName(batch.LaCode), batch.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string PlainName(string name) =>
        BatchFileNames.IsPlain(name) ? name : throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));

    /// <summary>Opens a regular file; null when there is none; throws <see cref="NotRegularFileException"/> for a link or folder.</summary>
    private static Stream? OpenRead(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            throw new NotRegularFileException($"{info.Name} is a symbolic link; only regular files are read");
        }

        if (Directory.Exists(path))
        {
            throw new NotRegularFileException($"{info.Name} is a folder; only regular files are read");
        }

        if (!info.Exists)
        {
            return null;
        }

        if (info.Length == 0)
        {
            // An empty file, or a FIFO, device or socket (which report no size): read as empty, never opened.
            return new MemoryStream([], writable: false);
        }

        try
        {
            // No FileStream buffer: readers above buffer themselves.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Copies the batch's files (and the report, for quarantine) to <c>{root}/{la}/{as_at}/{load_id}/</c>; a copy already there is kept.</summary>
    private async Task CopyBatchAsync(BatchLocation batch, string root, string loadId, ValidationReport? report, CancellationToken cancellationToken)
    {
        var id = PlainName(loadId);
        var source = BatchFolder(_options.ExtractsRoot, batch);
        var parent = BatchFolder(root, batch);
        var target = Path.Combine(parent, id);
        if (Directory.Exists(target))
        {
            return;
        }

        OwnerOnly.CreateFolder(root);
        OwnerOnly.CreateFolder(parent);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{id}.partial-*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var partial = Path.Combine(parent, $".{id}.partial-{Guid.NewGuid():N}");
        OwnerOnly.CreateFolder(partial);
        try
        {
            // Regular files only: links and folders are never followed (the reader reported them as file errors).
            foreach (var file in new DirectoryInfo(source).EnumerateFiles())
            {
                // SSD tables the contract does not read (addresses, contacts) are never copied.
                if (Irregular(file) is null && SsdCatalogue.IsArchived(file.Name))
                {
                    await CopyFileAsync(file, Path.Combine(partial, file.Name), _options.MaxFileBytes, cancellationToken).ConfigureAwait(false);
                }
            }

            if (report is not null)
            {
                await WriteTextAsync(Path.Combine(partial, BatchFileNames.ErrorReport), report.Json, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(Path.Combine(partial, BatchFileNames.Summary), report.Summary, cancellationToken).ConfigureAwait(false);
                if (report.CodeMapDraft is { } draft)
                {
                    await WriteTextAsync(Path.Combine(partial, UnmappedValues.DraftFileName), draft, cancellationToken).ConfigureAwait(false);
                }
            }

            Directory.Move(partial, target);
        }
        catch
        {
            Directory.Delete(partial, recursive: true);
            if (Directory.Exists(target))
            {
                // Another process archived the same load first: its copy stands.
                return;
            }

            throw;
        }
    }

    /// <summary>Copies at most <paramref name="maxBytes"/>; an entry that reports no size is copied as an empty file, never opened.</summary>
    private static async Task CopyFileAsync(FileInfo from, string to, long maxBytes, CancellationToken cancellationToken)
    {
        var target = new FileStream(to, OwnerOnly.NewFile(CopyBufferSize));
        await using (target.ConfigureAwait(false))
        {
            if (from.Length > 0)
            {
                var source = new FileStream(from.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
                await using (source.ConfigureAwait(false))
                {
                    var buffer = new byte[CopyBufferSize];
                    long copied = 0;
                    int read;
                    while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                    {
                        copied += read;
                        if (copied > maxBytes)
                        {
                            throw new InvalidDataException($"{from.Name} is larger than the {maxBytes:N0} bytes a batch file may have; not copied");
                        }

                        await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            target.Flush(flushToDisk: true);
        }
    }

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var target = new FileStream(path, OwnerOnly.NewFile(CopyBufferSize));
        await using (target.ConfigureAwait(false))
        {
            await target.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            target.Flush(flushToDisk: true);
        }
    }
}
