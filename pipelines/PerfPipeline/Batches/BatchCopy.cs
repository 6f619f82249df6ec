namespace PerfPipeline.Batches;

/// <summary>Where a source keeps a copy of a batch: the archive (loaded or failed loads) or the quarantine (rejected, held or unloadable ones).</summary>
public enum BatchCopyKind
{
    Archive,
    Quarantine,
}

/// <summary>One copy of a batch, <c>{archive|quarantine}/{la}/{as_at}/{load_id}/</c>, and when it was written.</summary>
public sealed record BatchCopy(BatchCopyKind Kind, BatchLocation Batch, string LoadId, DateTimeOffset CopiedAt);
