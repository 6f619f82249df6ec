namespace PerfPipeline.Cli.Serve;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using PerfPipeline.Api;
using PerfPipeline.Dashboard;

/// <summary>
/// The routes of <c>serve</c>: the Functions app's HTTP routes (docs/spec/interfaces.md) without keys, each answered
/// by <see cref="PerfPipelineApi"/> exactly as the Functions answer them, the dashboard page at <c>/</c>, and the
/// chart library it loads. Anything else is a 404 problem.
/// </summary>
internal static class ServeRoutes
{
    /// <summary>Where the page loads the chart library from: versioned, so it can be cached for good.</summary>
    public const string ChartLibraryPath = "/assets/" + DashboardPage.ChartLibraryFileName;

    private const string Immutable = "public, max-age=31536000, immutable";

    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    private static readonly ApiResponse ChartLibrary = new(200, "text/javascript; charset=utf-8", DashboardPage.ChartLibraryUtf8);

    public static void MapPerfPipeline(this IEndpointRouteBuilder routes, PerfPipelineApi api)
    {
        // HEAD is answered wherever GET is (the server sends the headers and drops the body).
        routes.MapMethods("/api/dashboard/{la}", GetOrHead, http => SendAsync(http, api.GetDashboardAsync(
            Route(http, "la"), http.Request.Query["period"], http.Request.Query["team"], http.Request.Headers.IfNoneMatch, http.RequestAborted)));
        routes.MapMethods("/api/worklist/{la}", GetOrHead, http => SendAsync(http, api.GetWorkListAsync(
            Route(http, "la"), http.Request.Query["team"], http.Request.Headers.IfNoneMatch, http.RequestAborted)));
        routes.MapMethods("/api/indicators", GetOrHead, http => SendAsync(http, Task.FromResult(PerfPipelineApi.GetIndicators())));
        routes.MapMethods("/api/indicators/{code}/series", GetOrHead, http => SendAsync(http, api.GetIndicatorSeriesAsync(
            Route(http, "code"), http.Request.Query["la"], http.Request.Query["type"], http.Request.Headers.IfNoneMatch, http.RequestAborted)));
        routes.MapMethods("/api/loads", GetOrHead, http => SendAsync(http, api.GetLoadsAsync(http.Request.Query["status"], http.RequestAborted)));
        routes.MapPost("/api/loads/{loadId}/replay", http => SendAsync(http, api.ReplayLoadAsync(Route(http, "loadId"), http.Request.Query["as_current"], http.RequestAborted)));
        routes.MapMethods("/api/commentary/{la}", GetOrHead, http => SendAsync(http, api.GetCommentaryAsync(
            Route(http, "la"), http.Request.Query["period"], http.RequestAborted)));
        // No sign-in on loopback: the body names the author (the cloud API records the signed-in user instead).
        routes.MapPut("/api/commentary/{la}/{item}/{section}", http => SendAsync(http, api.PutCommentaryAsync(
            Route(http, "la"), http.Request.Query["period"], Route(http, "item"), Route(http, "section"), http.Request.Body, null, http.RequestAborted)));
        routes.MapMethods("/", GetOrHead, http => SendAsync(http, api.GetDashboardPageAsync(
            http.Request.Query["la"], http.Request.Query["period"], http.Request.Query["team"], ChartLibraryPath, http.RequestAborted)));
        routes.MapMethods(ChartLibraryPath, GetOrHead, http => new ApiResponseResult(ChartLibrary, Immutable).ExecuteAsync(http));
        routes.MapFallback("{**path}", http => SendAsync(http, Task.FromResult(
            ApiResponse.NotFound($"No route {http.Request.Method} {http.Request.Path}: see docs/spec/interfaces.md for the routes."))));
    }

    private static async Task SendAsync(HttpContext http, Task<ApiResponse> response) =>
        await new ApiResponseResult(await response.ConfigureAwait(false)).ExecuteAsync(http).ConfigureAwait(false);

    private static string Route(HttpContext http, string name) => (string)http.Request.RouteValues[name]!;
}
