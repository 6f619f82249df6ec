namespace PerfPipeline.Cli.Serve;

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using PerfPipeline.Api;

/// <summary>
/// The local server of <c>serve</c>: Kestrel with <see cref="ServeRoutes"/> on <see cref="PerfPipelineApi"/>. It logs
/// warnings and errors only (no line per request, an unexpected error once per kind per minute), so it can take a load.
/// Requests pass <see cref="LocalRequestGuard"/> first: loopback or configured Host names only, same-origin JSON POSTs,
/// security headers on every answer.
/// </summary>
internal sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app) => _app = app;

    /// <summary>The addresses it listens on, with the port chosen when a URL asked for port 0.</summary>
    public IReadOnlyList<Uri> Addresses => [.. _app.Urls.Select(u => new Uri(u))];

    public static Task<DashboardServer> StartAsync(PerfPipelineApi api, IEnumerable<string> urls, CancellationToken cancellationToken = default) =>
        StartAsync(api, urls, null, cancellationToken);

    /// <param name="allowedHosts">Host names the server answers besides loopback ones (when it listens beyond loopback).</param>
    public static async Task<DashboardServer> StartAsync(
        PerfPipelineApi api, IEnumerable<string> urls, IEnumerable<string>? allowedHosts, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. urls]);
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            // A failure to start (the port taken) is thrown to the command, which says it in one line; the host's own
            // log of it would repeat it as a stack trace.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        var app = builder.Build();
        var errors = new ServerErrorLog(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<ServerErrorLog>(), TimeProvider.System);
        var guard = new LocalRequestGuard(allowedHosts ?? []);
        app.Use(errors.InvokeAsync);
        app.Use(guard.InvokeAsync);
        app.MapPerfPipeline(api);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DashboardServer(app);
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled or the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
