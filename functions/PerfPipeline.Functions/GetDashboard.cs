namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/dashboard/{la}?period=2019-20 Q2&amp;team=</c>: one LA's dashboard, or one team's, for callers mapped to that LA.</summary>
public sealed class GetDashboard(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(GetDashboard))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{la}")] HttpRequest request,
        string la,
        CancellationToken cancellationToken)
    {
        return await access.AnswerForLaAsync(
            request, la, () => api.GetDashboardAsync(la, request.Query["period"], request.Query["team"], request.Headers.IfNoneMatch, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }
}
