namespace PerfPipeline.Reference;

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>One file as a reference source found it: the folder it sat in (scope, and the LA of an LA's folder), its path and bytes.</summary>
public sealed record RawReferenceFile(ReferenceScope Scope, string? LaCode, string Path, ReadOnlyMemory<byte> Content)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}

/// <summary>
/// Turns the files of reference folders into checked <see cref="ReferenceFile"/>s. A folder may hold a
/// <c>manifest.json</c> listing each file with its SHA-256 (and optionally its source and publication date): when it
/// does, every reference file in the folder must be listed with the hash it has. Files of no known kind are ignored and
/// reported. Any problem refuses the whole import.
/// </summary>
public static partial class ReferenceFolders
{
    public const string ManifestName = "manifest.json";

    /// <summary>The largest reference file read (the national population of every LA for ten years is under 100 KB).</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;


    public static (IReadOnlyList<ReferenceFile> Files, IReadOnlyList<string> Ignored) Read(IReadOnlyList<RawReferenceFile> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var issues = new List<ReferenceIssue>();
        var files = new List<ReferenceFile>();
        var ignored = new List<string>();
        foreach (var folder in raw.GroupBy(f => (f.Scope, f.LaCode)))
        {
            var manifestFile = folder.FirstOrDefault(f => f.Name == ManifestName);
            var manifest = manifestFile is null ? null : ParseManifest(manifestFile, issues);
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in folder.Where(f => f.Name != ManifestName).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (!ReferenceKinds.TryParse(file.Name, out var kind) || !file.Name.EndsWith(".csv", StringComparison.Ordinal))
                {
                    ignored.Add(file.Path);
                    continue;
                }

                if (!kind.AllowedIn(folder.Key.Scope))
                {
                    issues.Add(new ReferenceIssue(file.Path, null, null, null, kind.AllowedIn(ReferenceScope.La)
                        ? $"{kind.FileName()} belongs in an LA's own folder ({{la}}/reference/)"
                        : $"{kind.FileName()} is national: it belongs in reference/ at the root"));
                    continue;
                }

                if (file.Content.Length > MaxFileBytes)
                {
                    issues.Add(new ReferenceIssue(file.Path, null, null, null, $"larger than {MaxFileBytes / (1024 * 1024)} MiB"));
                    continue;
                }

                var sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
                var entry = manifest?.Files?.FirstOrDefault(e => e?.File == file.Name);
                if (manifest is not null)
                {
                    listed.Add(file.Name);
                    if (entry is null)
                    {
                        issues.Add(new ReferenceIssue(file.Path, null, null, null, $"not listed in {ManifestName}"));
                        continue;
                    }

                    if (!string.Equals(entry.Sha256, sha256, StringComparison.OrdinalIgnoreCase))
                    {
                        issues.Add(new ReferenceIssue(file.Path, null, "sha256", entry.Sha256, $"{ManifestName} gives another SHA-256 than the file's {sha256}"));
                        continue;
                    }
                }

                var parsed = ReferenceCsv.Parse(
                    new ReferenceFile(kind, folder.Key.Scope, folder.Key.LaCode, file.Path, sha256)
                    {
                        Source = string.IsNullOrWhiteSpace(entry?.Source) ? null : entry.Source.Trim(),
                        PublishedOn = Published(entry, file.Path, issues),
                    },
                    file.Content,
                    issues);
                files.Add(parsed);
            }

            foreach (var missing in manifest?.Files?.Where(e => e?.File is not null && !listed.Contains(e.File)) ?? [])
            {
                issues.Add(new ReferenceIssue(manifestFile!.Path, null, "file", missing!.File, "listed but not found beside the manifest"));
            }
        }

        var repeated = files.GroupBy(f => (f.Kind, f.Scope, f.LaCode)).Where(g => g.Count() > 1);
        foreach (var group in repeated)
        {
            issues.Add(new ReferenceIssue(group.Last().Path, null, null, null, $"a second {group.Key.Kind.FileName()} for the same folder"));
        }

        return issues.Count > 0 ? throw new ReferenceImportException(issues) : (files, ignored);
    }

    private static ManifestJson? ParseManifest(RawReferenceFile file, List<ReferenceIssue> issues)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(file.Content.Span, ReferenceManifestJsonContext.Default.ManifestJson);
            if (manifest?.Files is null || manifest.Files.Any(f => f?.File is null || f.Sha256 is null))
            {
                issues.Add(new ReferenceIssue(file.Path, null, null, null, "a reference manifest lists files, each with file and sha256"));
                return null;
            }

            return manifest;
        }
        catch (JsonException exception)
        {
            issues.Add(new ReferenceIssue(file.Path, null, null, null, $"not valid JSON: {exception.Message}"));
            return null;
        }
    }

    private static DateOnly? Published(ManifestEntryJson? entry, string path, List<ReferenceIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(entry?.Published))
        {
            return null;
        }

        if (DateOnly.TryParseExact(entry.Published.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        issues.Add(new ReferenceIssue(path, null, "published", entry.Published, "the manifest's publication date is not yyyy-MM-dd"));
        return null;
    }

    private sealed record ManifestJson(IReadOnlyList<ManifestEntryJson?>? Files);

    /// <summary>Source-generated: no reflection-built serializer just to read a manifest.</summary>
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(ManifestJson))]
    private sealed partial class ReferenceManifestJsonContext : JsonSerializerContext;

    private sealed record ManifestEntryJson(string? File, string? Sha256, string? Source, string? Published);
}
