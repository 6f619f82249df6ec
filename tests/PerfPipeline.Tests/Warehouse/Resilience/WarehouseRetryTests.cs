namespace PerfPipeline.Tests.Warehouse.Resilience;

using System.ComponentModel.DataAnnotations;

using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Tests.SqlServer;
using PerfPipeline.Warehouse.Resilience;
using PerfPipeline.Warehouse.SqlServer;

public sealed class WarehouseRetryTests
{
    private static readonly WarehouseRetryOptions NoDelay = new() { MaxRetryAttempts = 3, BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    [Fact]
    public async Task ExecuteAsync_TransientFailuresThenSuccess_RunsTheUnitAgainAndReturnsItsResult()
    {
        var sut = new WarehouseRetry(NoDelay, SqlServerTransientFaults.IsTransient, TimeProvider.System);
        var attempts = 0;

        var result = await sut.ExecuteAsync(_ =>
        {
            attempts++;
            return attempts < 3 ? throw SqlExceptions.Create(40613) : Task.FromResult(attempts * 10);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(3, attempts);
        Assert.Equal(30, result);
    }

    [Fact]
    public async Task ExecuteAsync_AlwaysTransient_GivesUpAfterMaxAttemptsWithTheLastFault()
    {
        var sut = new WarehouseRetry(NoDelay, SqlServerTransientFaults.IsTransient, TimeProvider.System);
        var attempts = 0;

        var exception = await Assert.ThrowsAsync<SqlException>(() => sut.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw SqlExceptions.Create(attempts == 4 ? 40501 : 1205);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1 + NoDelay.MaxRetryAttempts, attempts);
        Assert.Equal(40501, exception.Number);
    }

    [Fact]
    public async Task ExecuteAsync_PermanentFault_RunsOnceAndRethrows()
    {
        var sut = new WarehouseRetry(NoDelay, SqlServerTransientFaults.IsTransient, TimeProvider.System);
        var attempts = 0;

        var exception = await Assert.ThrowsAsync<SqlException>(() => sut.ExecuteAsync(_ =>
        {
            attempts++;
            throw SqlExceptions.Create(2627);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
        Assert.Equal(2627, exception.Number);
    }

    [Fact]
    public async Task ExecuteAsync_NoRetriesConfigured_RunsOnce()
    {
        var sut = new WarehouseRetry(new WarehouseRetryOptions { MaxRetryAttempts = 0 }, SqlServerTransientFaults.IsTransient, TimeProvider.System);
        var attempts = 0;

        await Assert.ThrowsAsync<SqlException>(() => sut.ExecuteAsync(_ =>
        {
            attempts++;
            throw SqlExceptions.Create(40613);
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task ExecuteAsync_TransientFault_WaitsBeforeRetryingAtMostMaxDelay()
    {
        var time = new FakeTimeProvider();
        var options = new WarehouseRetryOptions { MaxRetryAttempts = 1, BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30) };
        var sut = new WarehouseRetry(options, SqlServerTransientFaults.IsTransient, time);
        var attempts = 0;
        var secondAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = sut.ExecuteAsync(_ =>
        {
            if (++attempts == 1)
            {
                throw SqlExceptions.Create(40613);
            }

            secondAttempt.SetResult();
            return Task.FromResult(attempts);
        }, TestContext.Current.CancellationToken);

        // The clock has not moved: the retry is waiting, not running.
        Assert.Equal(1, attempts);
        Assert.False(run.IsCompleted);
        time.Advance(options.MaxDelay);
        await secondAttempt.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, await run);
    }

    [Fact]
    public async Task ExecuteAsync_CancelledWhileWaiting_StopsRetrying()
    {
        var time = new FakeTimeProvider();
        var sut = new WarehouseRetry(new WarehouseRetryOptions(), SqlServerTransientFaults.IsTransient, time);
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        var run = sut.ExecuteAsync(_ =>
        {
            attempts++;
            throw SqlExceptions.Create(40613);
        }, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, attempts);
    }

    [Theory]
    [InlineData(-1, 2, 30)]
    [InlineData(21, 2, 30)]
    [InlineData(3, -1, 30)]
    [InlineData(3, 2, 3600)]
    public void Constructor_OptionsOutOfRange_Throws(int retries, int baseDelaySeconds, int maxDelaySeconds)
    {
        var options = new WarehouseRetryOptions
        {
            MaxRetryAttempts = retries,
            BaseDelay = TimeSpan.FromSeconds(baseDelaySeconds),
            MaxDelay = TimeSpan.FromSeconds(maxDelaySeconds),
        };

        Assert.Throws<ValidationException>(() => new WarehouseRetry(options, SqlServerTransientFaults.IsTransient, TimeProvider.System));
    }
}
