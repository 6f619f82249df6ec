namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary><c>GET /api/indicators</c>: the indicator catalogue, for any signed-in caller (it holds no LA's data).</summary>
public sealed class GetIndicators
{
    [Function(nameof(GetIndicators))]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "indicators")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ApiResult(ApiAccess.AuthorizeSignedIn(request.Caller()) ?? PerfPipelineApi.GetIndicators());
    }
}
