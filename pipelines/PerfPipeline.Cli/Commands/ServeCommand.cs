namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Api;
using PerfPipeline.Cli.Serve;

using Spectre.Console;

/// <summary><c>serve</c>: the JSON endpoint and the HTML dashboard on the warehouse, until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <summary>Loopback only: the routes have no keys, so nothing else on the network should reach them unasked.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen: a URL, or several separated by ';' (port 0 picks a free port).",
            DefaultValueFactory = _ => DefaultUrls,
            HelpName = "URLS",
        };
        var warehouse = new WarehouseOptions(context);
        var command = new Command("serve", "Serve the JSON endpoint and the HTML dashboard on the warehouse (no keys; loopback by default).") { urls };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = warehouse.Target(parseResult);
            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, target, cancellationToken).ConfigureAwait(false);
            var api = new PerfPipelineApi(pipeline.Warehouse, pipeline.Source, pipeline.Loader);
            var listen = parseResult.GetValue(urls)!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            DashboardServer server;
            try
            {
                server = await DashboardServer.StartAsync(api, listen, AllowedHosts(context, listen), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                context.Console.MarkupLineInterpolated($"Cannot listen on {string.Join(", ", listen)}: {e.Message}");
                return ExitCodes.Rejected;
            }

            await using (server.ConfigureAwait(false))
            {
                context.Console.MarkupLineInterpolated($"Serving {target.Description}");
                foreach (var address in server.Addresses)
                {
                    context.Console.MarkupLineInterpolated($"  dashboard {address}  JSON {new Uri(address, "api/dashboard/")}{{la}}");
                }

                context.Console.MarkupLine("Ctrl+C stops.");
                await server.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Host names answered besides loopback: those named in <c>--urls</c>, and <c>PerfPipeline:Serve:AllowedHosts</c>
    /// (';'-separated) for a server reached by a name it does not listen on.
    /// </summary>
    private static IEnumerable<string> AllowedHosts(CliContext context, IEnumerable<string> listen) =>
        listen.Select(url => Uri.TryCreate(url.Replace("://+", "://any", StringComparison.Ordinal).Replace("://*", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Host : null)
            .Concat((context.Configuration["PerfPipeline:Serve:AllowedHosts"] ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(host => host is not null && host != "any" && host != "0.0.0.0" && host != "[::]")
            .Select(host => host!);
}
