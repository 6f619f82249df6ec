namespace PerfPipeline.Batches;

/// <summary>The containers a blob batch source works in. The defaults are the ones the Functions app and the Bicep use.</summary>
public sealed record BlobBatchSourceOptions
{
    /// <summary>Where the LA's extract job drops batches (<c>{la}/{as_at}/manifest.json</c> + CSVs); read only.</summary>
    public string ExtractsContainer { get; init; } = "extracts";

    /// <summary>Copies of batches that were loaded (or attempted): <c>{la}/{as_at}/{load_id}/</c>.</summary>
    public string ArchiveContainer { get; init; } = "archive";

    /// <summary>Copies of rejected batches with <c>errors.json</c> and <c>summary.txt</c>: <c>{la}/{as_at}/{load_id}/</c>.</summary>
    public string QuarantineContainer { get; init; } = "quarantine";
}
