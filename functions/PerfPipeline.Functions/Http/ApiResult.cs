namespace PerfPipeline.Functions.Http;

using Microsoft.AspNetCore.Mvc;

using PerfPipeline.Api;

/// <summary>Writes the library's <see cref="ApiResponse"/> as it is: status, validator, content type and body.</summary>
internal sealed class ApiResult(ApiResponse response) : IActionResult
{
    public ApiResponse Response => response;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext.Response;
        http.StatusCode = response.StatusCode;
        http.Headers.CacheControl = ApiResponse.CacheControl;
        if (response.ETag is { } eTag)
        {
            http.Headers.ETag = eTag;
        }

        if (response.ContentType is { } contentType)
        {
            http.ContentType = contentType;
            http.ContentLength = response.Body.Length;
            await http.Body.WriteAsync(response.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
