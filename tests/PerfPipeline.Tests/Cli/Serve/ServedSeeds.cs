namespace PerfPipeline.Tests.Cli.Serve;

/// <summary>The committed seeds loaded once and served, shared by the tests of a class that only read.</summary>
public sealed class ServedSeeds : IAsyncLifetime
{
    private ServedWarehouse? _served;

    internal ServedWarehouse Served => _served ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _served = await ServedWarehouse.StartAsync(RepositoryRoot.File("seeds", "extracts"));

    public async ValueTask DisposeAsync()
    {
        if (_served is not null)
        {
            await _served.DisposeAsync();
        }
    }
}
