namespace PerfPipeline.Batches;

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using PerfPipeline.Extracts;

/// <summary>
/// The batch source on a local folder (the embedded default). Batches are <c>{la_code}/{as_at}/</c> folders holding a
/// <c>manifest.json</c>; anything else under the root is ignored. The LA's own files are only ever read: archive and
/// quarantine are copies, written to a hidden partial folder and renamed into place so that a crash never leaves a
/// copy that looks complete.
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
            if (!BatchFileNames.IsLaCode(laCode))
            {
                continue;
            }

            foreach (var asAtFolder in Directory.EnumerateDirectories(laFolder).Order(StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DateOnly.TryParseExact(Path.GetFileName(asAtFolder), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt)
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

    public Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var name = PlainName(fileName);
        var id = PlainName(loadId);
        var stream = OpenRead(Path.Combine(BatchFolder(_options.ArchiveRoot, batch), id, name))
            ?? OpenRead(Path.Combine(BatchFolder(_options.QuarantineRoot, batch), id, name));
        return Task.FromResult<Stream?>(stream);
    }

    private static string BatchFolder(string root, BatchLocation batch) =>
        Path.Combine(root, PlainName(batch.LaCode), batch.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    private static string PlainName(string name) =>
        BatchFileNames.IsPlain(name) ? name : throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));

    private static FileStream? OpenRead(string path)
    {
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

        Directory.CreateDirectory(parent);
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{id}.partial-*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var partial = Path.Combine(parent, $".{id}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(partial);
        try
        {
            foreach (var file in Directory.EnumerateFiles(source))
            {
                await CopyFileAsync(file, Path.Combine(partial, Path.GetFileName(file)), cancellationToken).ConfigureAwait(false);
            }

            if (report is not null)
            {
                await WriteTextAsync(Path.Combine(partial, BatchFileNames.ErrorReport), report.Json, cancellationToken).ConfigureAwait(false);
                await WriteTextAsync(Path.Combine(partial, BatchFileNames.Summary), report.Summary, cancellationToken).ConfigureAwait(false);
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

    private static async Task CopyFileAsync(string from, string to, CancellationToken cancellationToken)
    {
        var source = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (source.ConfigureAwait(false))
        {
            var target = new FileStream(to, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous);
            await using (target.ConfigureAwait(false))
            {
                await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
                target.Flush(flushToDisk: true);
            }
        }
    }

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, FileOptions.Asynchronous);
        await using (target.ConfigureAwait(false))
        {
            await target.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            target.Flush(flushToDisk: true);
        }
    }
}
