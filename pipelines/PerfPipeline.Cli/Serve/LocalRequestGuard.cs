namespace PerfPipeline.Cli.Serve;

using System.Security.Cryptography;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

using PerfPipeline.Api;
using PerfPipeline.Dashboard;

/// <summary>
/// What keeps the local server safe from the browser it serves: the Host must be a loopback name or one configured
/// (so a rebinding DNS name cannot reach it), a POST or PUT must be JSON from the same origin or none (so another
/// site's form or script cannot replay loads or write commentary), and every answer carries the usual security headers.
/// </summary>
internal sealed class LocalRequestGuard
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]", "::1"];

    private readonly HashSet<string> _allowedHosts;

    public LocalRequestGuard(IEnumerable<string> allowedHosts)
    {
        _allowedHosts = new HashSet<string>(LoopbackNames.Concat(allowedHosts.Where(h => !string.IsNullOrWhiteSpace(h))), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The page's policy: its own scripts by hash, the chart library from the server itself, no framing, no plugins,
    /// no form posts elsewhere.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'self'; script-src 'self' "
        + string.Join(' ', DashboardPage.InlineScripts.Select(s => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)))}'"))
        + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        var headers = http.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";

        if (!_allowedHosts.Contains(http.Request.Host.Host))
        {
            await RefuseAsync(http, 400, "Bad host", "The Host header names neither a loopback address nor a configured name of this server.").ConfigureAwait(false);
            return;
        }

        // Every request with a body that changes something (a replay, a commentary edit) is held to the same rules: a
        // form or a simple request from another site can send neither JSON nor a PUT without the browser asking first.
        if (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method) || HttpMethods.IsPatch(http.Request.Method))
        {
            var method = http.Request.Method.ToUpperInvariant();
            if (!IsJson(http.Request.ContentType))
            {
                await RefuseAsync(http, 415, "Unsupported media type", $"A {method} must be sent as Content-Type: application/json.").ConfigureAwait(false);
                return;
            }

            if (http.Request.Headers.Origin is { Count: > 0 } origin && !IsSameOrigin(origin.ToString(), http.Request))
            {
                await RefuseAsync(http, 403, "Cross-origin request", $"A {method} is accepted from this server's own pages only.").ConfigureAwait(false);
                return;
            }
        }

        await next(http).ConfigureAwait(false);
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme.Equals(request.Scheme, StringComparison.OrdinalIgnoreCase)
        && uri.Authority.Equals(request.Host.Value, StringComparison.OrdinalIgnoreCase);

    private static Task RefuseAsync(HttpContext http, int status, string title, string detail) =>
        new ApiResponseResult(ApiResponse.Problem(status, title, detail)).ExecuteAsync(http);
}
