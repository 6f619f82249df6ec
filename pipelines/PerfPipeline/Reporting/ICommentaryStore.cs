namespace PerfPipeline.Reporting;

/// <summary>Where officers' commentary is kept: the warehouse's <c>report_commentary</c> table (both dialects).</summary>
public interface ICommentaryStore
{
    /// <summary>The commentary of one LA and period, in item and section order.</summary>
    Task<IReadOnlyList<Commentary>> ReadAsync(string laCode, string period, CancellationToken cancellationToken = default);

    /// <summary>Writes every text in one transaction, replacing the same LA, period, item and section's earlier text.</summary>
    Task SaveAsync(IReadOnlyList<Commentary> commentary, CancellationToken cancellationToken = default);
}
