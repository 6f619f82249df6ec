namespace PerfPipeline.Batches;

/// <summary>Folders of the local batch source; relative paths are relative to the working folder.</summary>
public sealed class LocalFolderBatchSourceOptions
{
    /// <summary>Where LAs drop batches as <c>{la_code}/{as_at}/manifest.json</c> and CSVs.</summary>
    public required string ExtractsRoot { get; init; }

    /// <summary>Where loaded batches are copied, as <c>{la}/{as_at}/{load_id}/</c>. Default <c>data/archive</c>.</summary>
    public string ArchiveRoot { get; init; } = Path.Combine("data", "archive");

    /// <summary>Where rejected batches are copied with their error report. Default <c>data/quarantine</c>.</summary>
    public string QuarantineRoot { get; init; } = Path.Combine("data", "quarantine");

    /// <summary>
    /// The most bytes one file of a batch may have when it is copied to the archive or quarantine (a manifest gives no
    /// sizes). A larger file fails the copy instead of filling the disk. Default 4 GiB.
    /// </summary>
    public long MaxFileBytes { get; init; } = 4L << 30;
}
