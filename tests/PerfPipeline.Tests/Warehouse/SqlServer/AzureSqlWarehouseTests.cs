namespace PerfPipeline.Tests.Warehouse.SqlServer;

using Microsoft.Data.SqlClient;

using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// The Azure SQL warehouse as hosts open it, against a server that cannot be reached (a loopback port nothing
/// listens on): real SqlClient failures to connect, classified transient, every unit of work retried whole.
/// </summary>
public sealed class AzureSqlWarehouseTests
{
    private static readonly WarehouseRetryOptions TwoRetries = new() { MaxRetryAttempts = 2, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    private static string Unreachable => UnreachableSqlServer.ConnectionString();

    [Fact]
    public async Task ListLoadsAsync_ServerUnreachable_RetriesEachAttemptThenGivesUpWithTheConnectFailure()
    {
        var logger = new ListLogger();
        var sut = AzureSqlWarehouse.Open(Unreachable, _ => [], TimeProvider.System, TwoRetries, logger);

        var exception = await Assert.ThrowsAsync<SqlException>(() => sut.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(SqlServerTransientFaults.IsTransient(exception));
        Assert.Equal(TwoRetries.MaxRetryAttempts, logger.Entries.Count(e => e.EventId.Id == 4100));
    }

    [Fact]
    public async Task MigrateAsync_ServerUnreachable_RetriesTheMigrationWholeThenGivesUp()
    {
        var logger = new ListLogger();
        var sut = AzureSqlWarehouse.Open(Unreachable, _ => [], TimeProvider.System, TwoRetries, logger);

        var exception = await Assert.ThrowsAnyAsync<Exception>(() => sut.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.True(SqlServerTransientFaults.IsTransient(exception), exception.ToString());
        Assert.Equal(TwoRetries.MaxRetryAttempts, logger.Entries.Count(e => e.EventId.Id == 4100));
    }

    [Fact]
    public void Open_NoConnectionString_Throws()
    {
        Assert.Throws<ArgumentException>(() => AzureSqlWarehouse.Open(" ", _ => [], TimeProvider.System));
    }
}
