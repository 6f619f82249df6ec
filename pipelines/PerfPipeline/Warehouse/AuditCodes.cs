namespace PerfPipeline.Warehouse;

/// <summary>The codes the audit tables store for load statuses and dataset outcomes (both dialects).</summary>
internal static class AuditCodes
{
    private static readonly Dictionary<LoadStatus, string> StatusCodes = new()
    {
        [LoadStatus.Loaded] = "loaded",
        [LoadStatus.Failed] = "failed",
        [LoadStatus.Rejected] = "rejected",
        [LoadStatus.NeedsConfirmation] = "needs_confirmation",
    };

    private static readonly Dictionary<DatasetOutcome, string> OutcomeCodes = new()
    {
        [DatasetOutcome.Current] = "current",
        [DatasetOutcome.Superseded] = "superseded",
        [DatasetOutcome.OlderThanCurrent] = "older_than_current",
        [DatasetOutcome.Snapshot] = "snapshot",
        [DatasetOutcome.SnapshotReplaced] = "snapshot_replaced",
    };

    public static string Code(LoadStatus status) => StatusCodes[status];

    public static string Code(DatasetOutcome outcome) => OutcomeCodes[outcome];

    public static LoadStatus ParseStatus(string code) => StatusCodes.Single(p => p.Value == code).Key;

    public static bool TryParseStatus(string? code, out LoadStatus status)
    {
        foreach (var (key, value) in StatusCodes)
        {
            if (string.Equals(value, code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = key;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static IEnumerable<string> StatusCodeNames => StatusCodes.Values;

    public static DatasetOutcome ParseOutcome(string code) => OutcomeCodes.Single(p => p.Value == code).Key;
}
