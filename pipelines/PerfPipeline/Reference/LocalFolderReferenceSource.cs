namespace PerfPipeline.Reference;

using PerfPipeline.Batches;

/// <summary>
/// Reference folders on disk. <paramref name="path"/> is an extracts root (its <c>reference/</c> and every
/// <c>{la}/reference/</c>), or one reference folder itself: <c>…/reference</c> (national) or <c>…/{la}/reference</c>.
/// Only regular files directly in those folders are read; nothing is written.
/// </summary>
public sealed class LocalFolderReferenceSource(string path) : IReferenceSource
{
    private const string FolderName = "reference";

    private readonly string _path = Path.GetFullPath(path);

    public string Origin => $"folder {_path}";

    public async Task<IReadOnlyList<RawReferenceFile>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_path))
        {
            throw new DirectoryNotFoundException($"No such folder: {_path}");
        }

        var files = new List<RawReferenceFile>();
        if (Path.GetFileName(_path) == FolderName)
        {
            var parent = Path.GetFileName(Path.GetDirectoryName(_path));
            var la = BatchFileNames.IsLaCode(parent) ? parent : null;
            await AddFolderAsync(files, _path, la is null ? ReferenceScope.National : ReferenceScope.La, la,
                la is null ? FolderName : $"{la}/{FolderName}", cancellationToken).ConfigureAwait(false);
            return files;
        }

        await AddFolderAsync(files, Path.Combine(_path, FolderName), ReferenceScope.National, null, FolderName, cancellationToken).ConfigureAwait(false);
        foreach (var laFolder in Directory.EnumerateDirectories(_path).Order(StringComparer.Ordinal))
        {
            var la = Path.GetFileName(laFolder);
            if (BatchFileNames.IsLaCode(la))
            {
                await AddFolderAsync(files, Path.Combine(laFolder, FolderName), ReferenceScope.La, la, $"{la}/{FolderName}", cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return files;
    }

    private static async Task AddFolderAsync(
        List<RawReferenceFile> files, string folder, ReferenceScope scope, string? la, string shownAs, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in new DirectoryInfo(folder).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            // Links and devices are not data an LA dropped; a file too large is refused before it is read.
            if (file.LinkTarget is not null || (file.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0)
            {
                continue;
            }

            if (file.Length > ReferenceFolders.MaxFileBytes)
            {
                throw new ReferenceImportException([new ReferenceIssue($"{shownAs}/{file.Name}", null, null, null, $"larger than {ReferenceFolders.MaxFileBytes / (1024 * 1024)} MiB")]);
            }

            var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken).ConfigureAwait(false);
            files.Add(new RawReferenceFile(scope, la, $"{shownAs}/{file.Name}", content));
        }
    }
}
