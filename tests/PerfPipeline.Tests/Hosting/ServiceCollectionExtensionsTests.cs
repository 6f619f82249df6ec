namespace PerfPipeline.Tests.Hosting;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using PerfPipeline.Hosting;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.Sqlite;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddPerfPipeline_SqlServerConnectionString_OpensAzureSqlWithRetries()
    {
        using var services = Services(new() { [PipelineSettings.SqlServerConnectionString] = "Server=tcp:example.invalid,1433;Database=warehouse;Authentication=Active Directory Default;" });

        Assert.IsType<ResilientWarehouse>(services.GetRequiredService<IWarehouse>());
    }

    [Fact]
    public void AddPerfPipeline_SqlitePath_OpensTheSqliteFile()
    {
        using var services = Services(new() { [PipelineSettings.SqliteDatabasePath] = Path.Combine(Path.GetTempPath(), "unused.db") });

        Assert.IsType<SqliteWarehouse>(services.GetRequiredService<IWarehouse>());
    }

    [Fact]
    public void AddPerfPipeline_NoWarehouseConfigured_SaysWhatToSet()
    {
        using var services = Services([]);

        var thrown = Assert.Throws<OptionsValidationException>(services.ValidatePerfPipelineOptions);
        Assert.Contains(PipelineSettings.SqliteDatabasePath, thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPerfPipeline_NoPseudonymisationKey_RefusesToReadBatches()
    {
        using var services = Services([]);

        var thrown = Assert.Throws<OptionsValidationException>(services.ValidatePerfPipelineOptions);
        Assert.Contains("PerfPipeline__PseudonymisationKey", thrown.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddPerfPipeline(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
