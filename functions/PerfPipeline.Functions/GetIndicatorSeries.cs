namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/indicators/{code}/series?la=872&amp;type=quarter</c>: every period's value, for callers mapped to the LA.</summary>
public sealed class GetIndicatorSeries(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(GetIndicatorSeries))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "indicators/{code}/series")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? la = request.Query["la"];
        return await access.AnswerForLaAsync(
            request, la, () => api.GetIndicatorSeriesAsync(code, la, request.Query["type"], request.Headers.IfNoneMatch, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }
}
