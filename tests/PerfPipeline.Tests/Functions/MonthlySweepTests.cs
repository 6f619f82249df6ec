namespace PerfPipeline.Tests.Functions;

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

using PerfPipeline.Functions;
using PerfPipeline.Tests.TestSupport.Azurite;
using PerfPipeline.Warehouse;

[Collection(nameof(UsesAzurite))]
public sealed class MonthlySweepTests(AzuriteFixture azurite)
{
    private static readonly TimerInfo Timer = new() { ScheduleStatus = new ScheduleStatus() };

    [Fact]
    public async Task Run_BatchWhoseTriggerWasMissed_LoadsIt()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.DropAsync(b => b.Valid()); // no trigger ran

        await app.Function<MonthlySweep>().Run(Timer, TestContext.Current.CancellationToken);

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LoadStatus.Loaded, load.Status);
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
    }

    [Fact]
    public async Task Run_AgainAfterLoading_LoadsNothingTwice()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.DropAsync(b => b.Valid());
        var sut = app.Function<MonthlySweep>();

        await sut.Run(Timer, TestContext.Current.CancellationToken);
        await sut.Run(Timer, TestContext.Current.CancellationToken);

        Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
    }

    [Fact]
    public async Task Run_NoBatchForLastMonth_WarnsThatTheLasExtractIsLate()
    {
        await using var app = await FunctionApp.StartAsync(azurite, now: new DateTimeOffset(2019, 11, 2, 6, 0, 0, TimeSpan.Zero));
        await app.DropAsync(b => b.Valid()); // as at 2019-09-30: October's is missing

        await app.Function<MonthlySweep>().Run(Timer, TestContext.Current.CancellationToken);

        var late = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 1201);
        Assert.Equal(LogLevel.Warning, late.Level);
        Assert.Contains("872", late.Message, StringComparison.Ordinal);
        Assert.Contains("2019-10", late.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LastMonthsBatchArrived_WarnsOfNothing()
    {
        await using var app = await FunctionApp.StartAsync(azurite, now: new DateTimeOffset(2019, 10, 2, 6, 0, 0, TimeSpan.Zero));
        await app.DropAsync(b => b.Valid());

        await app.Function<MonthlySweep>().Run(Timer, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(app.Logs.GetSnapshot(), r => r.Id.Id == 1201);
    }
}
