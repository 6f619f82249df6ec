namespace PerfPipeline.Warehouse;

/// <summary>The warehouse's load audit: which batches were loaded, failed or superseded, and when.</summary>
public interface ILoadAudit
{
    Task<LoadRecord?> FindLoadAsync(string loadId, CancellationToken cancellationToken = default);

    /// <summary>Every load, newest first; only those with <paramref name="status"/> when given.</summary>
    Task<IReadOnlyList<LoadRecord>> ListLoadsAsync(LoadStatus? status = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The LA's most recently committed load (latest <c>finished_at</c>), or null when it has none. One indexed row:
    /// cheap enough for the dashboard routes to ask on every request.
    /// </summary>
    Task<LoadStamp?> FindLatestLoadAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>The purges of <paramref name="loadId"/>'s copies (archive, quarantine), or of every copy when null; newest first.</summary>
    Task<IReadOnlyList<PurgeRecord>> ListPurgesAsync(string? loadId = null, CancellationToken cancellationToken = default);
}
