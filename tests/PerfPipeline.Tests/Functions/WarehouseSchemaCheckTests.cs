namespace PerfPipeline.Tests.Functions;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Functions;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>The app checks the schema at start and never migrates it: a database behind the build is an error in the log.</summary>
public sealed class WarehouseSchemaCheckTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Start_DatabaseNeverMigrated_LogsAnErrorNamingTheFixAndMigratesNothing()
    {
        var warehouse = Warehouse();
        var logger = new FakeLogger<WarehouseSchemaCheck>();

        await new WarehouseSchemaCheck(warehouse, logger).StartAsync(TestContext.Current.CancellationToken);

        var error = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Error);
        Assert.Equal(3001, error.Id.Id);
        Assert.Contains("perfpipeline migrate", error.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteMigrations.Known()[0], error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(warehouse.DatabasePath));
    }

    [Fact]
    public async Task Start_DatabaseMigrated_LogsNoErrorOrWarning()
    {
        var warehouse = Warehouse();
        await warehouse.MigrateAsync(TestContext.Current.CancellationToken);
        var logger = new FakeLogger<WarehouseSchemaCheck>();

        await new WarehouseSchemaCheck(warehouse, logger).StartAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Level >= LogLevel.Warning);
        Assert.Equal(3003, logger.LatestRecord.Id.Id);
    }

    public void Dispose() => _temp.Dispose();

    private SqliteWarehouse Warehouse() =>
        new(_temp.File("warehouse.db"), new IndicatorEngine().ComputeAll, new FakeTimeProvider());
}
