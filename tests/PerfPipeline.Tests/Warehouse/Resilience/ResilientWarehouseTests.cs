namespace PerfPipeline.Tests.Warehouse.Resilience;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.SqlServer;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.Sqlite;
using PerfPipeline.Warehouse.SqlServer;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

/// <summary>
/// The retry wraps whole units of work, whatever the warehouse: here a real SQLite warehouse whose load fails with
/// Azure SQL's transient errors halfway through its transaction (after its facts and audit rows are written, when
/// the indicators are computed). A retried load ends as one clean load; a load that gives up leaves nothing behind.
/// </summary>
public sealed class ResilientWarehouseTests : IAsyncLifetime
{
    private static readonly WarehouseRetryOptions NoDelay = new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };
    private static readonly Period Quarter = Period.Quarter(2019, 2);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2019, 10, 1, 8, 0, 0, TimeSpan.Zero));
    private int _computations;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabasePath => _temp.File("perfpipeline.db");

    public async ValueTask InitializeAsync() => await Warehouse(failures: 0).MigrateAsync(Ct);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LoadAsync_TransientFaultsMidTransaction_RetriesTheWholeLoadAndCommitsItOnce()
    {
        var sut = Warehouse(failures: 2);

        var result = await sut.LoadAsync(September1(), cancellationToken: Ct);

        Assert.Equal(3, _computations);
        Assert.False(result.AlreadyLoaded);
        var load = Assert.Single(await sut.ListLoadsAsync(cancellationToken: Ct));
        Assert.Equal(1, load.Attempts);
        Assert.Equal(LoadStatus.Loaded, load.Status);
        Assert.Equal(["R1", "R2"], (await sut.ReadCaseDataAsync("872", Ct)).Referrals.Select(r => r.ReferralId));
        var value = Assert.Single(await sut.ReadCurrentIndicatorValuesAsync("872", Ct));
        Assert.Equal(2m, value.Value);
        Assert.Equal(2, await CountAsync("fact_referral"));
        Assert.Equal(1, await CountAsync("fact_indicator_value"));
    }

    [Fact]
    public async Task LoadAsync_TransientFaultEveryAttempt_GivesUpAndLeavesNothingOfTheLoad()
    {
        var sut = Warehouse(failures: int.MaxValue);

        var exception = await Assert.ThrowsAsync<Microsoft.Data.SqlClient.SqlException>(() => sut.LoadAsync(September1(), cancellationToken: Ct));

        Assert.Equal(40613, exception.Number);
        Assert.Equal(1 + NoDelay.MaxRetryAttempts, _computations);
        Assert.Empty(await sut.ListLoadsAsync(cancellationToken: Ct));
        foreach (var table in ExtractContract.Datasets.Select(d => d.Table).Concat(["audit_load_dataset", "audit_load_issue", "fact_indicator_value", "dim_team"]))
        {
            Assert.Equal(0, await CountAsync(table));
        }
    }

    [Fact]
    public async Task LoadAsync_NewerBatchGivesUp_LeavesTheEarlierLoadCurrentAndWhole()
    {
        await Warehouse(failures: 0).LoadAsync(September1(), cancellationToken: Ct);
        var before = await Warehouse(failures: 0).ReadCaseDataAsync("872", Ct);
        _computations = 0;
        var newer = Batch(new DateOnly(2019, 10, 31), [Dataset(ExtractContract.CinEpisodes, [Referral("R3", "P3", new(2019, 10, 2))])]);

        await Assert.ThrowsAsync<Microsoft.Data.SqlClient.SqlException>(() => Warehouse(failures: int.MaxValue).LoadAsync(newer, cancellationToken: Ct));

        var sut = Warehouse(failures: 0);
        var after = await sut.ReadCaseDataAsync("872", Ct);
        Assert.Equal(before.Referrals, after.Referrals);
        var load = Assert.Single(await sut.ListLoadsAsync(cancellationToken: Ct));
        Assert.Equal(DatasetOutcome.Current, Assert.Single(load.Datasets).Outcome);
        Assert.Equal(2m, Assert.Single(await sut.ReadCurrentIndicatorValuesAsync("872", Ct)).Value);
    }

    [Fact]
    public async Task LoadAsync_PermanentFault_RunsOnceAndLeavesNothing()
    {
        var sut = new ResilientWarehouse(
            new SqliteWarehouse(DatabasePath, _ => throw SqlExceptions.Create(2627), _time),
            new WarehouseRetry(NoDelay, SqlServerTransientFaults.IsTransient, _time));

        await Assert.ThrowsAsync<Microsoft.Data.SqlClient.SqlException>(() => sut.LoadAsync(September1(), cancellationToken: Ct));

        Assert.Empty(await sut.ListLoadsAsync(cancellationToken: Ct));
        Assert.Equal(0, await CountAsync("fact_referral"));
    }

    private static ExtractBatch September1() =>
        Batch(September, [Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", new(2019, 9, 2)), Referral("R2", "P2", new(2019, 9, 3))])]);

    /// <summary>The SQLite warehouse behind the retry, its indicator computation failing the first <paramref name="failures"/> times.</summary>
    private ResilientWarehouse Warehouse(int failures) => new(
        new SqliteWarehouse(DatabasePath, data => Compute(data, failures), _time),
        new WarehouseRetry(NoDelay, SqlServerTransientFaults.IsTransient, _time));

    private IReadOnlyList<IndicatorValue> Compute(LaCaseData data, int failures) =>
        ++_computations <= failures
            ? throw SqlExceptions.Create(40613)
            : [new IndicatorValue(data.LaCode, IndicatorCodes.CscReferrals, Quarter, data.Referrals.Count, null, data.Referrals.Count)];

    private async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
