namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>POST /api/loads/{loadId}/replay</c>: reruns a load from its archived copy (<c>?as_current=true</c> to restore it as current), for holders of the PerfPipeline.Replay app role.</summary>
public sealed class ReplayLoad(PerfPipelineApi api)
{
    [Function(nameof(ReplayLoad))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "loads/{loadId}/replay")] HttpRequest request,
        string loadId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ApiAccess.AuthorizeReplay(request.Caller()) is { } refused)
        {
            return new ApiResult(refused);
        }

        return new ApiResult(await api.ReplayLoadAsync(loadId, request.Query["as_current"], cancellationToken).ConfigureAwait(false));
    }
}
