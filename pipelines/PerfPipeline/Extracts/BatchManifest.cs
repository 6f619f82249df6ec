namespace PerfPipeline.Extracts;

/// <summary>
/// The batch's <c>manifest.json</c>: written last by the LA's extract job (or by <c>perfpipeline manifest</c>).
/// <see cref="SourceSystem"/> and <see cref="SsdVersion"/> use SSD's names (SystemC, Mosaic, Eclipse; 1.4.5).
/// </summary>
public sealed record BatchManifest(
    string LaCode,
    string? LaName,
    DateOnly AsAt,
    string? SourceSystem,
    IReadOnlyList<ManifestDataset> Datasets,
    string? SsdVersion = null)
{
    /// <summary>The manifest's file name in the batch folder.</summary>
    public const string FileName = Batches.BatchFileNames.Manifest;
}

/// <summary>One dataset listed in the manifest; <see cref="Rows"/> and <see cref="Sha256"/> are verified when present.</summary>
public sealed record ManifestDataset(string Name, string File, long? Rows, string? Sha256);
