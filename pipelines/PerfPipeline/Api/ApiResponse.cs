namespace PerfPipeline.Api;

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

/// <summary>
/// What an HTTP route answers, independent of the host (Azure Functions or the local server): status, body and
/// validator. Hosts copy it onto their response unchanged.
/// </summary>
public sealed record ApiResponse(int StatusCode, string? ContentType, ReadOnlyMemory<byte> Body, string? ETag = null)
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";
    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>The <c>Cache-Control</c> of every response: clients revalidate with the ETag rather than trust a copy after a new load.</summary>
    public const string CacheControl = "no-cache";

    public static ApiResponse Json<T>(T value, JsonTypeInfo<T> typeInfo, string? eTag = null) =>
        new(200, JsonContentType, JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), eTag);

    /// <summary>A page (the server's dashboard, or a short page saying what went wrong).</summary>
    public static ApiResponse Html(int statusCode, string page) => new(statusCode, HtmlContentType, Encoding.UTF8.GetBytes(page));

    /// <summary>304: the client's copy (<c>If-None-Match</c>) is current.</summary>
    public static ApiResponse NotModified(string eTag) => new(304, null, ReadOnlyMemory<byte>.Empty, eTag);

    /// <summary>An RFC 9457 problem.</summary>
    public static ApiResponse Problem(int statusCode, string title, string detail) =>
        new(statusCode, ProblemContentType, JsonSerializer.SerializeToUtf8Bytes(new ApiProblem("about:blank", title, statusCode, detail), ApiJsonContext.Default.ApiProblem));

    public static ApiResponse BadRequest(string detail) => Problem(400, "Bad request", detail);

    public static ApiResponse NotFound(string detail) => Problem(404, "Not found", detail);
}
