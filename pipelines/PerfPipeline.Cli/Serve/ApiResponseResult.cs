namespace PerfPipeline.Cli.Serve;

using Microsoft.AspNetCore.Http;

using PerfPipeline.Api;

/// <summary>Writes the library's <see cref="ApiResponse"/> as it is: status, validator, caching, content type and body.</summary>
internal sealed class ApiResponseResult(ApiResponse response, string cacheControl = ApiResponse.CacheControl) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var http = httpContext.Response;
        http.StatusCode = response.StatusCode;
        http.Headers.CacheControl = cacheControl;
        if (response.ETag is { } eTag)
        {
            http.Headers.ETag = eTag;
        }

        if (response.ContentType is not { } contentType)
        {
            return Task.CompletedTask;
        }

        http.ContentType = contentType;
        http.ContentLength = response.Body.Length;
        return http.Body.WriteAsync(response.Body, httpContext.RequestAborted).AsTask();
    }
}
