namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary>
/// <c>GET /api/worklist/{la}?team=</c>: the work due and overdue as at the LA's newest batch, pseudonyms only, for callers
/// mapped to that LA. The team is passed to the API as a filter, so a team-scoped caller can be held to its team here.
/// </summary>
public sealed class GetWorkList(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(GetWorkList))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "worklist/{la}")] HttpRequest request,
        string la,
        CancellationToken cancellationToken)
    {
        return await access.AnswerForLaAsync(
            request, la, () => api.GetWorkListAsync(la, request.Query["team"], request.Headers.IfNoneMatch, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }
}
