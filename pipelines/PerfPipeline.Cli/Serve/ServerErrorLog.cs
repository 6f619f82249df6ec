namespace PerfPipeline.Cli.Serve;

using System.Collections.Concurrent;

using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

using PerfPipeline.Api;

/// <summary>
/// Answers a request that failed on the server with a 500 problem and logs the failure once per kind (exception
/// type and the method that threw) per minute, with how many like it were not logged: a fault hit by every request
/// under load writes a line a minute, not a stack trace per request.
/// </summary>
internal sealed partial class ServerErrorLog(ILogger<ServerErrorLog> logger, TimeProvider timeProvider)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception exception) when (!http.RequestAborted.IsCancellationRequested && !http.Response.HasStarted)
        {
            Record(exception);
            http.Response.Clear();
            await new ApiResponseResult(ApiResponse.Problem(500, "Server error", "The request failed on the server; its log says why.")).ExecuteAsync(http)
                .ConfigureAwait(false);
        }
    }

    /// <summary>Logs the exception unless one of its kind was logged within the interval; true when it was logged.</summary>
    public bool Record(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var kind = $"{exception.GetType().FullName} at {exception.TargetSite?.DeclaringType?.FullName}.{exception.TargetSite?.Name}";
        var now = timeProvider.GetUtcNow();
        var window = _windows.GetOrAdd(kind, _ => new Window());
        int suppressed;
        lock (window)
        {
            if (window.LoggedAt is { } last && now - last < Interval)
            {
                window.Suppressed++;
                return false;
            }

            suppressed = window.Suppressed;
            window.LoggedAt = now;
            window.Suppressed = 0;
        }

        RequestFailed(exception, kind, suppressed);
        return true;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "A request failed on the server ({Kind}); {Suppressed} more like it in the minute before were not logged")]
    private partial void RequestFailed(Exception exception, string kind, int suppressed);

    private sealed class Window
    {
        public DateTimeOffset? LoggedAt { get; set; }

        public int Suppressed { get; set; }
    }
}
