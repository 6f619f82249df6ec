namespace PerfPipeline.Tests.Cli.Serve;

using Microsoft.Extensions.Configuration;

using PerfPipeline.Api;
using PerfPipeline.Cli;
using PerfPipeline.Cli.Commands;
using PerfPipeline.Cli.Serve;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// A SQLite warehouse in a temp folder, loaded from an extracts folder as <c>run</c> loads it, served by
/// <see cref="DashboardServer"/> on 127.0.0.1 at a free port, with a client for it.
/// </summary>
internal sealed class ServedWarehouse : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly DashboardServer _server;

    private ServedWarehouse(TempDirectory temp, string extracts, CliContext context, LocalPipeline pipeline, DashboardServer server)
    {
        _temp = temp;
        Extracts = extracts;
        Context = context;
        Pipeline = pipeline;
        _server = server;
        Address = server.Addresses.Single();
        Client = new HttpClient { BaseAddress = Address };
    }

    /// <summary>The extracts folder it loaded from.</summary>
    public string Extracts { get; }

    public CliContext Context { get; }

    public LocalPipeline Pipeline { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public string DatabasePath => _temp.File("data", LocalPipeline.DatabaseFileName);

    /// <summary>Loads every batch under <paramref name="extracts"/> (a new temp folder when null) and starts serving.</summary>
    public static async Task<ServedWarehouse> StartAsync(string? extracts = null, Action<string>? writeExtracts = null)
    {
        var temp = new TempDirectory();
        try
        {
            var folder = extracts ?? temp.File("extracts");
            writeExtracts?.Invoke(folder);
            var context = new CliContext(new ConfigurationBuilder().Build(), TimeProvider.System, CliInvocation.PlainConsole(TextWriter.Null), temp.File("data"));
            var pipeline = await OpenAsync(context, folder, temp.File("data", LocalPipeline.DatabaseFileName));
            await pipeline.Loader.LoadNewBatchesAsync(cancellationToken: TestContext.Current.CancellationToken);
            var server = await DashboardServer.StartAsync(pipeline.Api, ["http://127.0.0.1:0"], TestContext.Current.CancellationToken);
            return new ServedWarehouse(temp, folder, context, pipeline, server);
        }
        catch
        {
            temp.Dispose();
            throw;
        }
    }

    /// <summary>Another pipeline on the same file, as another process (<c>perfpipeline run</c>) would open it.</summary>
    public static Task<LocalPipeline> OpenAsync(CliContext context, string extracts, string databasePath) =>
        LocalPipeline.OpenAsync(context, extracts, WarehouseTarget.Sqlite(databasePath), TestContext.Current.CancellationToken);

    /// <summary>A fresh API on the served pipeline (its own cache): what the Functions app would answer.</summary>
    public PerfPipelineApi NewApi() => new(Pipeline.Warehouse, Pipeline.Source, Pipeline.Loader, Pipeline.Commentary(), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _server.DisposeAsync();
        _temp.Dispose();
    }
}
