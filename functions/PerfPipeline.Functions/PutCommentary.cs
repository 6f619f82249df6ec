namespace PerfPipeline.Functions;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Api;
using PerfPipeline.Functions.Http;

/// <summary>
/// <c>PUT /api/commentary/{la}/{item}/{section}?period=2019-20 Q2</c>: sets the officers' text of one section, for callers
/// mapped to the LA who hold the PerfPipeline.Commentary app role. The author recorded is the signed-in user.
/// </summary>
public sealed class PutCommentary(PerfPipelineApi api, ApiAccess access)
{
    [Function(nameof(PutCommentary))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "commentary/{la}/{item}/{section}")] HttpRequest request,
        string la,
        string item,
        string section,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = request.Caller();
        if (await access.AuthorizeCommentaryAsync(caller, la, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return new ApiResult(refused);
        }

        return new ApiResult(await api.PutCommentaryAsync(
            la, request.Query["period"], item, section, request.Body, caller!.UserPrincipalName, cancellationToken).ConfigureAwait(false));
    }
}
