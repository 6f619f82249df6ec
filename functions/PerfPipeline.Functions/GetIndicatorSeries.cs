namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/indicators/{code}/series?la=872&amp;type=quarter</c>: every period's value (function key).</summary>
public sealed class GetIndicatorSeries(PerfPipelineApi api)
{
    [Function(nameof(GetIndicatorSeries))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "indicators/{code}/series")] HttpRequest request,
        string code,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await api.GetIndicatorSeriesAsync(code, request.Query["la"], request.Query["type"], request.Headers.IfNoneMatch, cancellationToken).ConfigureAwait(false);
        return new ApiResult(response);
    }
}
