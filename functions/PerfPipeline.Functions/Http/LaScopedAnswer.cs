namespace PerfPipeline.Functions.Http;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

using PerfPipeline.Api;

/// <summary>The reading functions' one pattern: refuse a caller not mapped to the LA, else answer.</summary>
internal static class LaScopedAnswer
{
    public static async Task<IActionResult> AnswerForLaAsync(
        this ApiAccess access, HttpRequest request, string? la, Func<Task<ApiResponse>> answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var refused = await access.AuthorizeLaAsync(request.Caller(), la, cancellationToken).ConfigureAwait(false);
        return new ApiResult(refused ?? await answer().ConfigureAwait(false));
    }
}
