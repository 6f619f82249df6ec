namespace PerfPipeline.Loading;

using System.Text.Json;

using PerfPipeline.Batches;
using PerfPipeline.Warehouse;

/// <summary>
/// Every batch the pipeline has seen, newest first: the loads of the audit (loaded, failed) and the batches that never
/// reached it (rejected, held as needs_confirmation), read from their quarantined copy and its <c>errors.json</c>. A
/// rejection writes nothing to the warehouse, so the quarantine is the one record of it; a quarantined batch that was
/// later loaded or recorded as failed is listed once, from the audit.
/// </summary>
public sealed class LoadHistory(IWarehouse warehouse, IBatchSource source)
{
    /// <summary>The status codes as <c>loads --status</c> and <c>/api/loads?status=</c> take them.</summary>
    public static IEnumerable<string> StatusCodes => AuditCodes.StatusCodeNames;

    /// <summary>Parses a status code (<c>loaded</c>, <c>failed</c>, <c>rejected</c>, <c>needs_confirmation</c>).</summary>
    public static bool TryParseStatus(string? code, out LoadStatus status) => AuditCodes.TryParseStatus(code, out status);

    /// <summary>The status as listed: <c>needs_confirmation</c> for <see cref="LoadStatus.NeedsConfirmation"/>.</summary>
    public static string StatusCode(LoadStatus status) => AuditCodes.Code(status);

    /// <summary>Every load and quarantined batch, newest first; only those with <paramref name="status"/> when given.</summary>
    public async Task<IReadOnlyList<LoadRecord>> ListAsync(LoadStatus? status = null, CancellationToken cancellationToken = default)
    {
        var audited = await warehouse.ListLoadsAsync(null, cancellationToken).ConfigureAwait(false);
        var known = audited.Select(l => l.LoadId).ToHashSet(StringComparer.Ordinal);
        var all = new List<LoadRecord>(audited);
        await foreach (var copy in source.ListCopiesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (copy.Kind == BatchCopyKind.Quarantine && known.Add(copy.LoadId) && LoadKey.TryParseBatch(copy.LoadId, out _))
            {
                all.Add(await QuarantinedAsync(copy, cancellationToken).ConfigureAwait(false));
            }
        }

        return [.. all.Where(l => status is null || l.Status == status).OrderByDescending(l => l.FinishedAt).ThenBy(l => l.LoadId, StringComparer.Ordinal)];
    }

    /// <summary>A quarantined batch as a load record: its verdict, reason and rows from its report.</summary>
    private async Task<LoadRecord> QuarantinedAsync(BatchCopy copy, CancellationToken cancellationToken)
    {
        var status = LoadStatus.Rejected;
        string? reason = "quarantined; its report (errors.json) is missing";
        var datasets = new List<DatasetLoadRecord>();
        var stream = await source.OpenArchivedFileAsync(copy.Batch, copy.LoadId, BatchFileNames.ErrorReport, cancellationToken).ConfigureAwait(false);
        if (stream is not null)
        {
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    using var report = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                    var root = report.RootElement;
                    status = Text(root, "verdict") switch
                    {
                        "needs_confirmation" => LoadStatus.NeedsConfirmation,
                        "failed" => LoadStatus.Failed,
                        _ => LoadStatus.Rejected,
                    };
                    reason = Text(root, "reason");
                    if (root.TryGetProperty("datasets", out var list) && list.ValueKind == JsonValueKind.Array)
                    {
                        // As the run reported them: rows accepted by validation, though none reached the warehouse.
                        datasets.AddRange(list.EnumerateArray().Select(d => new DatasetLoadRecord(
                            new DatasetCounts(Text(d, "dataset") ?? "?", Number(d, "rows_read"), Number(d, "rows_accepted"), Number(d, "rows_rejected"), 0),
                            string.Empty, DatasetOutcome.Current, null)));
                    }
                }
                catch (JsonException)
                {
                    reason = "quarantined; its report (errors.json) cannot be read";
                }
            }
        }

        return new LoadRecord(new LoadKey(copy.Batch.LaCode, copy.Batch.AsAt, ManifestHash(copy.LoadId)), null, status, 1, copy.CopiedAt, copy.CopiedAt, reason, datasets);
    }

    private static string ManifestHash(string loadId) => loadId[(loadId.LastIndexOf('-') + 1)..];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : 0;
}
