namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/commentary/{la}?period=2019-20 Q2</c>: the officers' text of one LA's report, for callers mapped to that LA.</summary>
public sealed class GetCommentary(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(GetCommentary))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "commentary/{la}")] HttpRequest request,
        string la,
        CancellationToken cancellationToken)
    {
        return await access.AnswerForLaAsync(
            request, la, () => api.GetCommentaryAsync(la, request.Query["period"], cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }
}
