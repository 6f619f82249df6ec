namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/loads?status=failed</c>: the loads with their status, counts and errors (function key).</summary>
public sealed class GetLoads(PerfPipelineApi api)
{
    [Function(nameof(GetLoads))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "loads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await api.GetLoadsAsync(request.Query["status"], cancellationToken).ConfigureAwait(false));
    }
}
