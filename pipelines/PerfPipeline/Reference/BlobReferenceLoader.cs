namespace PerfPipeline.Reference;

using Azure.Storage.Blobs;

using Microsoft.Extensions.Logging;

using PerfPipeline.Batches;
using PerfPipeline.Warehouse;

/// <summary>
/// Imports the reference folders of the extracts container for the cloud host, with the one importer: before each
/// batch (the national folder and the batch's LA's), when a reference folder's <c>manifest.json</c> arrives, and before
/// the monthly sweep (every folder). A file with a problem refuses the import, changing nothing, and is logged as an
/// error; the batch is still loaded, with the reference data already in force, as <c>run</c> does.
/// </summary>
public sealed partial class BlobReferenceLoader(IWarehouse warehouse, BlobServiceClient service, BlobBatchSourceOptions options, ILogger<BlobReferenceLoader> logger)
{
    private readonly BlobContainerClient _extracts = service.GetBlobContainerClient(options.ExtractsContainer);

    /// <summary>
    /// Whether a blob of the extracts container sits in a reference folder: <c>reference/…</c> (<paramref name="laCode"/>
    /// null) or <c>{la}/reference/…</c>.
    /// </summary>
    public bool IsReferenceBlob(string container, string blobName, out string? laCode)
    {
        laCode = null;
        return string.Equals(container, options.ExtractsContainer, StringComparison.Ordinal) && BlobReferenceSource.TryParseName(blobName, out laCode);
    }

    /// <summary>The national folder and, for an LA, its own; null when the import was refused (logged).</summary>
    public Task<ReferenceImportResult?> ImportAsync(string? laCode, CancellationToken cancellationToken = default) =>
        ImportAsync(new BlobReferenceSource(_extracts, laCode is null ? [] : [laCode]), cancellationToken);

    /// <summary>The national folder and every LA's; null when the import was refused (logged).</summary>
    public Task<ReferenceImportResult?> ImportAllAsync(CancellationToken cancellationToken = default) =>
        ImportAsync(new BlobReferenceSource(_extracts, null), cancellationToken);

    private async Task<ReferenceImportResult?> ImportAsync(BlobReferenceSource source, CancellationToken cancellationToken)
    {
        ReferenceImportResult result;
        try
        {
            result = await new ReferenceImporter(warehouse).ImportAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (ReferenceImportException exception)
        {
            Refused(source.Origin, exception.Message);
            return null;
        }

        if (result.ImportId is { } importId)
        {
            var files = string.Join(", ", result.Imported.Select(f => f.Path));
            Imported(importId, source.Origin, files, result.RecomputedLoads.Count);
        }

        foreach (var warning in result.Warnings)
        {
            CalendarWarning(warning);
        }

        return result;
    }

    [LoggerMessage(EventId = 1011, Level = LogLevel.Information, Message = "Reference import {ImportId} from {Origin}: {Files}; recomputed {Recomputed} LA(s)")]
    private partial void Imported(string importId, string origin, string files, int recomputed);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Error, Message = "Reference files in {Origin} not imported, nothing changed: {Problems}")]
    private partial void Refused(string origin, string problems);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "Reference import: {Warning}")]
    private partial void CalendarWarning(string warning);
}
