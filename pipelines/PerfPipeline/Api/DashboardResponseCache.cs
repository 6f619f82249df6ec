namespace PerfPipeline.Api;

using System.Collections.Concurrent;

/// <summary>
/// Built dashboard responses (JSON and page) per LA and period, each kept with the version it was built from (the
/// LA's latest load and commit time, in its ETag). A new load changes the version, so the next request rebuilds and
/// replaces the entry; only LAs and periods that exist are stored, so the cache stays as small as the warehouse.
/// </summary>
internal sealed class DashboardResponseCache
{
    private readonly ConcurrentDictionary<(DashboardRepresentation Representation, string LaCode, string Period), (string Version, ApiResponse Response)> _entries = new();

    public ApiResponse? Find(DashboardRepresentation representation, string laCode, string period, string version) =>
        _entries.TryGetValue((representation, laCode, period), out var entry) && entry.Version == version ? entry.Response : null;

    public void Store(DashboardRepresentation representation, string laCode, string period, string version, ApiResponse response) =>
        _entries[(representation, laCode, period)] = (version, response);
}
