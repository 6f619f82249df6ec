namespace PerfPipeline.Benchmarks.Serve;

using System.Globalization;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

using PerfPipeline.Api;
using PerfPipeline.Cli;
using PerfPipeline.Cli.Commands;
using PerfPipeline.Cli.Serve;

using Spectre.Console;

/// <summary>
/// The load test of <c>serve</c>: the seeds loaded into a fresh SQLite warehouse, the server on 127.0.0.1 (a free
/// port), a warm-up, then <see cref="HttpLoadGenerator"/> on <c>GET /api/dashboard/872</c> with N keep-alive
/// connections for S seconds. Prints requests/s, p50/p99/max latency, non-200 responses and the load average.
/// </summary>
internal static class ServeLoadRun
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);

    public static void Print(int seconds, int connections) => RunAsync(seconds, connections).GetAwaiter().GetResult();

    private static async Task RunAsync(int seconds, int connections)
    {
        var folder = Directory.CreateTempSubdirectory("perfpipeline-bench-").FullName;
        try
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(TextWriter.Null) });
            var context = new CliContext(new ConfigurationBuilder().Build(), TimeProvider.System, console, folder);
            var pipeline = await LocalPipeline.OpenAsync(
                context, SeedExtracts(), WarehouseTarget.Sqlite(Path.Combine(folder, LocalPipeline.DatabaseFileName)), CancellationToken.None).ConfigureAwait(false);
            await pipeline.Loader.LoadNewBatchesAsync().ConfigureAwait(false);
            var server = await DashboardServer.StartAsync(pipeline.Api, ["http://127.0.0.1:0"])
                .ConfigureAwait(false);
            await using (server.ConfigureAwait(false))
            {
                var url = new Uri(server.Addresses.Single(), "api/dashboard/872");
                await HttpLoadGenerator.RunAsync(url, connections, WarmUp).ConfigureAwait(false);
                var loadBefore = LoadAverage();
                var result = await HttpLoadGenerator.RunAsync(url, connections, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GET {url} ({result.BodyBytes:N0}-byte body), {connections} connections, {seconds} s after a {WarmUp.TotalSeconds:F0} s warm-up, {Environment.ProcessorCount} cores"));
                Console.WriteLine($"load average before: {loadBefore}; after: {LoadAverage()}");
                Console.WriteLine("| requests | requests/s | p50 ms | p99 ms | max ms | non-200 |");
                Console.WriteLine("|---|---|---|---|---|---|");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {result.Requests:N0} | {result.RequestsPerSecond:N0} | {result.PercentileMilliseconds(0.50):F2} | {result.PercentileMilliseconds(0.99):F2} | {result.MaxMilliseconds:F1} | {result.NotOk} |"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The committed seeds, found from the binaries by walking up to the clone's root.</summary>
    private static string SeedExtracts()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfPipeline.sln")))
            {
                return Path.Combine(directory.FullName, "seeds", "extracts");
            }
        }

        throw new InvalidOperationException("PerfPipeline.sln not found above the benchmark binaries.");
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), or "n/a".</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
