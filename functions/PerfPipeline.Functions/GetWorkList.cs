namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/worklist/{la}?team=</c>: the work due and overdue as at the LA's newest batch, pseudonyms only (function key).</summary>
public sealed class GetWorkList(PerfPipelineApi api)
{
    [Function(nameof(GetWorkList))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "worklist/{la}")] HttpRequest request,
        string la,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(await api.GetWorkListAsync(la, request.Query["team"], request.Headers.IfNoneMatch, cancellationToken).ConfigureAwait(false));
    }
}
