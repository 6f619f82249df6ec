namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Functions;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport.Azurite;
using PerfPipeline.Warehouse;

[Collection(nameof(UsesAzurite))]
public sealed class ReplayLoadTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Run_FailedLoadAfterTheCauseIsFixed_LoadsItFromTheArchive()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.ExecuteSqlAsync("CREATE TRIGGER outage BEFORE INSERT ON fact_referral BEGIN SELECT RAISE(ABORT, 'simulated outage'); END;");
        var manifest = await app.DropAsync(b => b.Valid());
        var message = await FunctionApp.BlobCreatedEventAsync(manifest);
        await Assert.ThrowsAsync<LoadFailedException>(() => app.Function<LoadBatchOnManifest>().Run(message, TestContext.Current.CancellationToken));
        var failed = Assert.Single(await app.Warehouse.ListLoadsAsync(LoadStatus.Failed, TestContext.Current.CancellationToken));
        await app.ExecuteSqlAsync("DROP TRIGGER outage;");
        await manifest.DeleteAsync(cancellationToken: TestContext.Current.CancellationToken); // the replay reads the archived copy only
        var request = FunctionApp.Request("POST", $"/api/loads/{failed.LoadId}/replay");

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, failed.LoadId, TestContext.Current.CancellationToken));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("loaded", answer.Json().GetProperty("outcome").GetString());
        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal((failed.LoadId, LoadStatus.Loaded), (load.LoadId, load.Status));
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
    }

    [Fact]
    public async Task Run_CauseNotFixed_Returns503AndTheLoadStaysFailed()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.ExecuteSqlAsync("CREATE TRIGGER outage BEFORE INSERT ON fact_referral BEGIN SELECT RAISE(ABORT, 'simulated outage'); END;");
        var manifest = await app.DropAsync(b => b.Valid());
        var message = await FunctionApp.BlobCreatedEventAsync(manifest);
        await Assert.ThrowsAsync<LoadFailedException>(() => app.Function<LoadBatchOnManifest>().Run(message, TestContext.Current.CancellationToken));
        var failed = Assert.Single(await app.Warehouse.ListLoadsAsync(LoadStatus.Failed, TestContext.Current.CancellationToken));
        var request = FunctionApp.Request("POST", $"/api/loads/{failed.LoadId}/replay");

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, failed.LoadId, TestContext.Current.CancellationToken));

        HttpFunctionsTests.AssertProblem(answer, 503);
        Assert.Equal(LoadStatus.Failed, Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken)).Status);
    }
}
