namespace PerfPipeline.Reference;

using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

using PerfPipeline.Batches;

/// <summary>
/// Reference folders in the extracts blob container, laid out as in a local extracts folder: <c>reference/</c>
/// (national) and <c>{la}/reference/</c> (an LA's own). <paramref name="laCodes"/> names the LAs whose folders are read
/// (none: the national folder alone; null: every LA's). Only blobs directly in those folders are read; nothing is written.
/// </summary>
internal sealed class BlobReferenceSource(BlobContainerClient extracts, IReadOnlyList<string>? laCodes) : IReferenceSource
{
    private const string FolderName = "reference";

    public string Origin => $"blob container {extracts.Name}";

    public async Task<IReadOnlyList<RawReferenceFile>> ReadAsync(CancellationToken cancellationToken = default)
    {
        var files = new List<RawReferenceFile>();
        if (!await extracts.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return files;
        }

        await AddFolderAsync(files, FolderName, ReferenceScope.National, null, cancellationToken).ConfigureAwait(false);
        foreach (var la in (laCodes ?? await ListLaFoldersAsync(cancellationToken).ConfigureAwait(false)).Where(BatchFileNames.IsLaCode).Distinct().Order(StringComparer.Ordinal))
        {
            await AddFolderAsync(files, $"{la}/{FolderName}", ReferenceScope.La, la, cancellationToken).ConfigureAwait(false);
        }

        return files;
    }

    /// <summary>Whether a blob sits in a reference folder: <c>reference/{file}</c> (national, <paramref name="laCode"/> null) or <c>{la}/reference/{file}</c>.</summary>
    public static bool TryParseName(string blobName, out string? laCode)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        var parts = blobName.Split('/');
        laCode = parts.Length == 3 && parts[1] == FolderName && BatchFileNames.IsLaCode(parts[0]) ? parts[0] : null;
        return (parts.Length == 2 && parts[0] == FolderName && parts[1].Length > 0) || (laCode is not null && parts[2].Length > 0);
    }

    private async Task<List<string>> ListLaFoldersAsync(CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        await foreach (var item in extracts.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", null, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix)
            {
                folders.Add(item.Prefix.TrimEnd('/'));
            }
        }

        return folders;
    }

    private async Task AddFolderAsync(List<RawReferenceFile> files, string folder, ReferenceScope scope, string? la, CancellationToken cancellationToken)
    {
        // By hierarchy, so only the folder's own blobs come back, never those of a folder below it.
        await foreach (var item in extracts.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", $"{folder}/", cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix)
            {
                continue;
            }

            var name = item.Blob.Name;
            if (item.Blob.Properties.ContentLength > ReferenceFolders.MaxFileBytes)
            {
                // Refused before it is downloaded, as a local file is before it is read.
                throw new ReferenceImportException([new ReferenceIssue(name, null, null, null, $"larger than {ReferenceFolders.MaxFileBytes / (1024 * 1024)} MiB")]);
            }

            var content = await extracts.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            files.Add(new RawReferenceFile(scope, la, name, content.Value.Content.ToMemory()));
        }
    }
}
