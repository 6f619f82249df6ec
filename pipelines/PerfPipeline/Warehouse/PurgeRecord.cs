namespace PerfPipeline.Warehouse;

using PerfPipeline.Batches;

/// <summary>
/// One copy of a batch removed from the archive or the quarantine by <c>perfpipeline purge</c> (<c>audit_purge</c>):
/// which load's, written when, removed when, under what retention. A load whose copy is purged cannot be replayed.
/// </summary>
public sealed record PurgeRecord(string LoadId, BatchCopyKind Kind, string LaCode, DateOnly AsAt, DateTimeOffset CopiedAt, DateTimeOffset PurgedAt, int RetentionMonths)
{
    /// <summary>The code <c>audit_purge.copy_kind</c> stores: <c>archive</c> or <c>quarantine</c>.</summary>
    public string KindCode => Kind == BatchCopyKind.Archive ? "archive" : "quarantine";

    /// <summary>What a replay of a load whose copies were purged says: when, and under what retention.</summary>
    public static string CannotReplay(string loadId, IReadOnlyList<PurgeRecord> purges)
    {
        ArgumentNullException.ThrowIfNull(purges);
        var latest = purges.MaxBy(p => p.PurgedAt) ?? throw new ArgumentException("No purge to explain.", nameof(purges));
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The copy of load {loadId} was purged on {latest.PurgedAt:yyyy-MM-dd} ({string.Join(" and ", purges.Select(p => p.KindCode).Distinct())}, written {latest.CopiedAt:yyyy-MM-dd}, kept {latest.RetentionMonths} months): it can no longer be replayed. What it loaded stays in the warehouse.");
    }

    public static BatchCopyKind ParseKind(string code) => code == "archive" ? BatchCopyKind.Archive : BatchCopyKind.Quarantine;
}
