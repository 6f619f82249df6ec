namespace PerfPipeline.Loading;

using PerfPipeline.Batches;
using PerfPipeline.Warehouse;

/// <summary>
/// Retention of the archive and the quarantine (<c>perfpipeline purge</c>): their copies hold the LA's raw files,
/// identifiers included, and are kept only so loads can be replayed. A copy written more than the retention period ago
/// is deleted from the batch source and the deletion recorded in the audit (<c>audit_purge</c>), which is how a replay
/// of that load can say why it cannot run. The warehouse keeps everything it loaded; only the raw copies go.
/// </summary>
public sealed class RetentionPurge(IBatchSource source, IWarehouseWriter warehouse, int retentionMonths, TimeProvider timeProvider)
{
    /// <summary>Calendar months a copy is kept (<c>PerfPipeline__Retention__Months</c>).</summary>
    public int RetentionMonths => retentionMonths;

    /// <summary>Copies written before this are past the retention period.</summary>
    public DateTimeOffset Cutoff => CutoffAt(timeProvider.GetUtcNow(), retentionMonths);

    /// <summary>The instant <paramref name="months"/> calendar months before <paramref name="now"/>.</summary>
    public static DateTimeOffset CutoffAt(DateTimeOffset now, int months) => now.AddMonths(-months);

    /// <summary>Whether a copy is past the retention period: written before the cutoff.</summary>
    public static bool IsExpired(BatchCopy copy, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(copy);
        return copy.CopiedAt < cutoff;
    }

    /// <summary>The copies past the retention period, oldest first; nothing is deleted.</summary>
    public async Task<IReadOnlyList<BatchCopy>> FindExpiredAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = Cutoff;
        var expired = new List<BatchCopy>();
        await foreach (var copy in source.ListCopiesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (IsExpired(copy, cutoff))
            {
                expired.Add(copy);
            }
        }

        return [.. expired.OrderBy(c => c.CopiedAt).ThenBy(c => c.LoadId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Deletes every copy past the retention period and records each deletion in the audit. A copy is deleted before it
    /// is recorded: a purge cut short between the two leaves a load with no copy and no record, which a replay reports as
    /// having no copy, never a record of a purge that did not happen.
    /// </summary>
    public async Task<IReadOnlyList<PurgeRecord>> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var purged = new List<PurgeRecord>();
        foreach (var copy in await FindExpiredAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await source.DeleteCopyAsync(copy, cancellationToken).ConfigureAwait(false))
            {
                continue; // gone meanwhile (another purge)
            }

            var record = new PurgeRecord(copy.LoadId, copy.Kind, copy.Batch.LaCode, copy.Batch.AsAt, copy.CopiedAt, timeProvider.GetUtcNow(), retentionMonths);
            await warehouse.RecordPurgeAsync(record, cancellationToken).ConfigureAwait(false);
            purged.Add(record);
        }

        return purged;
    }
}
