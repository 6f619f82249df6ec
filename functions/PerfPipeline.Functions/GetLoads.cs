namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/loads?status=failed</c>: the loads of the caller's LAs, with status, counts and errors.</summary>
public sealed class GetLoads(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(GetLoads))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "loads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Caller();
        if (ApiAccess.AuthorizeSignedIn(caller) is { } refused)
        {
            return new ApiResult(refused);
        }

        var laCodes = await access.LaCodesAsync(caller!, cancellationToken).ConfigureAwait(false);
        return new ApiResult(await api.GetLoadsAsync(request.Query["status"], laCodes, cancellationToken).ConfigureAwait(false));
    }
}
