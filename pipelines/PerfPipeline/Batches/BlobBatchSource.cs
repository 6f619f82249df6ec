namespace PerfPipeline.Batches;

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

using PerfPipeline.Extracts;

/// <summary>
/// Batches in blob storage: <c>extracts/{la}/{as_at}/</c>, copied to <c>archive/</c> or <c>quarantine/</c> under the load id.
/// The LA's blobs are only ever read. Transient storage faults are retried by the client's own retry policy
/// (<see cref="BlobStorage.CreateClientOptions"/>), per request and with resumable downloads; this type adds no second layer.
/// </summary>
internal sealed class BlobBatchSource(BlobServiceClient service, BlobBatchSourceOptions options) : IBatchSource
{
    private readonly BlobContainerClient extracts = service.GetBlobContainerClient(options.ExtractsContainer);
    private readonly BlobContainerClient archive = service.GetBlobContainerClient(options.ArchiveContainer);
    private readonly BlobContainerClient quarantine = service.GetBlobContainerClient(options.QuarantineContainer);

    public async IAsyncEnumerable<BatchLocation> FindBatchesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await extracts.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield break;
        }

        // Names list in order, so batches come out by LA, then as_at.
        await foreach (var blob in extracts.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TryParseManifestName(blob.Name, out var batch))
            {
                yield return batch;
            }
        }
    }

    public Task<Stream?> OpenFileAsync(BatchLocation batch, string fileName, CancellationToken cancellationToken = default) =>
        OpenAsync(extracts.GetBlobClient(BlobName(batch.Path, fileName)), cancellationToken);

    public Task ArchiveAsync(BatchLocation batch, string loadId, CancellationToken cancellationToken = default) =>
        CopyBatchAsync(batch, archive, LoadFolder(batch, loadId), cancellationToken);

    public async Task QuarantineAsync(BatchLocation batch, string loadId, ValidationReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var folder = LoadFolder(batch, loadId);
        await CopyBatchAsync(batch, quarantine, folder, cancellationToken).ConfigureAwait(false);
        await UploadTextAsync(quarantine.GetBlobClient($"{folder}/{BatchFileNames.ErrorReport}"), report.Json, "application/json", cancellationToken).ConfigureAwait(false);
        await UploadTextAsync(quarantine.GetBlobClient($"{folder}/{BatchFileNames.Summary}"), report.Summary, "text/plain; charset=utf-8", cancellationToken).ConfigureAwait(false);
        if (report.CodeMapDraft is { } draft)
        {
            await UploadTextAsync(quarantine.GetBlobClient($"{folder}/{UnmappedValues.DraftFileName}"), draft, "text/csv; charset=utf-8", cancellationToken).ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<BatchCopy> ListCopiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (kind, container) in new[] { (BatchCopyKind.Archive, archive), (BatchCopyKind.Quarantine, quarantine) })
        {
            if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            // A copy is known by its manifest; the manifest's upload time is when the copy was written.
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (TryParseCopyManifestName(blob.Name, out var batch, out var loadId))
                {
                    yield return new BatchCopy(kind, batch, loadId, blob.Properties.LastModified ?? blob.Properties.CreatedOn ?? DateTimeOffset.MinValue);
                }
            }
        }
    }

    /// <summary>
    /// Deletes the copy's blobs, its manifest first: a copy is known by its manifest, so one cut short is no longer
    /// listed or replayed, and running it again deletes the rest. Earlier versions and soft-deleted blobs are the
    /// account's to expire (the lifecycle rule in infra/modules/data-storage.bicep).
    /// </summary>
    public async Task<bool> DeleteCopyAsync(BatchCopy copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var container = copy.Kind == BatchCopyKind.Archive ? archive : quarantine;
        if (!await container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var folder = LoadFolder(copy.Batch, copy.LoadId);
        var deleted = (await container.GetBlobClient(BlobName(folder, BatchFileNames.Manifest))
            .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder + "/", cancellationToken).ConfigureAwait(false))
        {
            deleted |= (await container.GetBlobClient(blob.Name)
                .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }

        return deleted;
    }

    public async Task<Stream?> OpenArchivedFileAsync(BatchLocation batch, string loadId, string fileName, CancellationToken cancellationToken = default)
    {
        var name = BlobName(LoadFolder(batch, loadId), fileName);

        // A loaded batch is in the archive; a rejected one only in quarantine.
        return await OpenAsync(archive.GetBlobClient(name), cancellationToken).ConfigureAwait(false)
            ?? await OpenAsync(quarantine.GetBlobClient(name), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Parses <c>{la}/{yyyy-MM-dd}/manifest.json</c>; anything else in the container is not a batch.</summary>
    internal static bool TryParseManifestName(string blobName, [NotNullWhen(true)] out BatchLocation? batch)
    {
        batch = null;
        var parts = blobName.Split('/');
        if (parts.Length != 3 || parts[2] != BatchFileNames.Manifest || !BatchFileNames.IsLaCode(parts[0])
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
        {
            return false;
        }

        batch = new BatchLocation(parts[0], asAt);
        return true;
    }

    /// <summary>Parses <c>{la}/{yyyy-MM-dd}/{load_id}/manifest.json</c> in the archive or quarantine container.</summary>
    private static bool TryParseCopyManifestName(string blobName, [NotNullWhen(true)] out BatchLocation? batch, [NotNullWhen(true)] out string? loadId)
    {
        var parts = blobName.Split('/');
        if (parts.Length == 4 && BatchFileNames.IsPlain(parts[2]) && TryParseManifestName($"{parts[0]}/{parts[1]}/{parts[3]}", out batch))
        {
            loadId = parts[2];
            return true;
        }

        batch = null;
        loadId = null;
        return false;
    }

    private static async Task<Stream?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            // The streaming download resumes where it broke off when the connection drops mid-file.
            var response = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Copies every file of the batch folder (not sub-folders, not other SSD tables) into <paramref name="folder"/> of <paramref name="target"/>.
    /// Streamed through this process rather than copied server-side: that works with any credential (managed identity,
    /// connection string, Azurite) and a batch is small. Rerunning it overwrites the same copies, so a retry is safe.
    /// </summary>
    private async Task CopyBatchAsync(BatchLocation batch, BlobContainerClient target, string folder, CancellationToken cancellationToken)
    {
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var prefix = batch.Path + "/";
        await foreach (var item in extracts.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken).ConfigureAwait(false))
        {
            // SSD tables the contract does not read (addresses, contacts) are never copied.
            if (!item.IsBlob || !SsdCatalogue.IsArchived(item.Blob.Name[prefix.Length..]))
            {
                continue;
            }

            var source = extracts.GetBlobClient(item.Blob.Name);
            var download = await source.DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (download.Value.Content.ConfigureAwait(false))
            {
                var destination = target.GetBlobClient($"{folder}/{item.Blob.Name[prefix.Length..]}");
                var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = download.Value.Details.ContentType } };
                await destination.UploadAsync(download.Value.Content, upload, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task UploadTextAsync(BlobClient blob, string text, string contentType, CancellationToken cancellationToken)
    {
        var upload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } };
        await blob.UploadAsync(BinaryData.FromString(text), upload, cancellationToken).ConfigureAwait(false);
    }

    private static string LoadFolder(BatchLocation batch, string loadId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return BatchFileNames.IsPlain(loadId) ? $"{batch.Path}/{loadId}" : throw new ArgumentException($"'{loadId}' is not a load id.", nameof(loadId));
    }

    private static string BlobName(string folder, string fileName) =>
        BatchFileNames.IsPlain(fileName) ? $"{folder}/{fileName}" : throw new ArgumentException($"'{fileName}' is not a file name of a batch.", nameof(fileName));
}
