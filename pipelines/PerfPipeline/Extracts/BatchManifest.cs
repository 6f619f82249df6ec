namespace PerfPipeline.Extracts;

/// <summary>The batch's <c>manifest.json</c>: written last by the LA's extract job.</summary>
public sealed record BatchManifest(
    string LaCode,
    string? LaName,
    DateOnly AsAt,
    string? SourceSystem,
    IReadOnlyList<ManifestDataset> Datasets);

/// <summary>One dataset listed in the manifest; <see cref="Rows"/> and <see cref="Sha256"/> are verified when present.</summary>
public sealed record ManifestDataset(string Name, string File, long? Rows, string? Sha256);
