namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Batches;
using PerfPipeline.Functions;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Tests.TestSupport.Azurite;
using PerfPipeline.Warehouse;

[Collection(nameof(UsesAzurite))]
public sealed class LoadBatchOnManifestTests(AzuriteFixture azurite)
{
    private static readonly BatchLocation Wokingham = new("872", new DateOnly(2019, 9, 30));

    [Fact]
    public async Task Queue_UploadedBatch_MessageLoadsItArchivesItAndIsDeleted()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());
        await app.PublishBlobCreatedAsync(manifest);

        await app.ProcessNextMessageAsync();

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LoadStatus.Loaded, load.Status);
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
        Assert.Contains($"{load.LoadId}/manifest.json", await app.ListAsync(app.Containers.ArchiveContainer, Wokingham));
        Assert.Null((await app.Queue.PeekMessageAsync(TestContext.Current.CancellationToken)).Value);
    }

    [Fact]
    public async Task Queue_LoadFails_MessageStaysForTheNextAttempt()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.ExecuteSqlAsync("CREATE TRIGGER outage BEFORE INSERT ON fact_referral BEGIN SELECT RAISE(ABORT, 'simulated outage'); END;");
        var manifest = await app.DropAsync(b => b.Valid());
        await app.PublishBlobCreatedAsync(manifest);

        await Assert.ThrowsAsync<LoadFailedException>(app.ProcessNextMessageAsync);

        var properties = (await app.Queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value;
        Assert.Equal(1, properties.ApproximateMessagesCount);
        Assert.Equal(LoadStatus.Failed, Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken)).Status);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/extracts/blobs/872/2019-09-30/manifest.json"}""")]
    [InlineData("""{"eventType":"Microsoft.Storage.BlobCreated","subject":"/blobServices/default/containers/extracts"}""")]
    public async Task Run_MessageThatIsNotABlobCreatedEvent_ThrowsSoItEndsInThePoisonQueue(string message)
    {
        await using var app = await FunctionApp.StartAsync(azurite);

        await Assert.ThrowsAsync<FormatException>(() => app.Function<LoadBatchOnManifest>().Run(message, TestContext.Current.CancellationToken));

        Assert.Empty(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
    }


    [Fact]
    public async Task Run_DroppedBatch_LoadsItAndArchivesEveryFile()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());

        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LoadStatus.Loaded, load.Status);
        Assert.Equal(Wokingham, load.Key.Batch);
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
        Assert.Equal(
            [$"{load.LoadId}/manifest.json", $"{load.LoadId}/ssd_cin_episodes.csv", $"{load.LoadId}/ssd_person.csv"],
            (await app.ListAsync(app.Containers.ArchiveContainer, Wokingham)).Order(StringComparer.Ordinal));
        Assert.Empty(await app.ListAsync(app.Containers.QuarantineContainer, Wokingham));
        Assert.Equal(3, (await app.ListAsync(app.Containers.ExtractsContainer, Wokingham)).Count); // the LA's blobs stay
    }

    [Fact]
    public async Task Run_BadBatch_QuarantinesItWithItsReportAndLeavesTheWarehouseUntouched()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Corrupt());

        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);

        Assert.Empty(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, await app.CountRowsAsync("fact_referral"));
        Assert.Equal(0, await app.CountRowsAsync("dim_person"));
        Assert.Empty(await app.ListAsync(app.Containers.ArchiveContainer, Wokingham));
        var quarantined = await app.ListAsync(app.Containers.QuarantineContainer, Wokingham);
        var errors = Assert.Single(quarantined, n => n.EndsWith("/errors.json", StringComparison.Ordinal));
        Assert.Contains(quarantined, n => n.EndsWith("/summary.txt", StringComparison.Ordinal));
        Assert.Contains(quarantined, n => n.EndsWith("/ssd_cin_episodes.csv", StringComparison.Ordinal));
        Assert.Contains("ssd_cin_episodes", await app.ReadAsync(app.Containers.QuarantineContainer, $"{Wokingham.Path}/{errors}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TwoConcurrentTriggers_LoadTheBatchOnce()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());

        await Task.WhenAll(
            app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken),
            app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken));

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(LoadStatus.Loaded, load.Status);
        Assert.Equal(1, load.Attempts);
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
    }

    [Fact]
    public async Task Run_RedeliveredAfterLoading_DoesNotLoadAgain()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());
        var sut = app.Function<LoadBatchOnManifest>();
        await sut.Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);
        var first = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));

        await sut.Run(await FunctionApp.BlobCreatedEventAsync(manifest), TestContext.Current.CancellationToken);

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(first, load with { Datasets = first.Datasets });
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));
    }

    [Fact]
    public async Task Run_LoadFailsEveryAttempt_ThrowsAndRecordsTheFailureForReplay()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.ExecuteSqlAsync("CREATE TRIGGER outage BEFORE INSERT ON fact_referral BEGIN SELECT RAISE(ABORT, 'simulated outage'); END;");
        var manifest = await app.DropAsync(b => b.Valid());

        var message = await FunctionApp.BlobCreatedEventAsync(manifest);

        var thrown = await Assert.ThrowsAsync<LoadFailedException>(() => app.Function<LoadBatchOnManifest>().Run(message, TestContext.Current.CancellationToken));

        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(LoadStatus.Failed, TestContext.Current.CancellationToken));
        Assert.Equal(3, load.Attempts); // the first attempt and two retries (PerfPipeline:LoadRetry:MaxRetryAttempts)
        Assert.Contains("simulated outage", load.Error, StringComparison.Ordinal);
        Assert.Equal(load.LoadId, Assert.Single(thrown.Failed).LoadId);
        Assert.Equal(0, await app.CountRowsAsync("fact_referral"));
        Assert.Contains($"{load.LoadId}/manifest.json", await app.ListAsync(app.Containers.ArchiveContainer, Wokingham));
    }

    [Fact]
    public async Task Run_BlobThatIsNotABatchManifest_IsIgnored()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var extracts = app.Blobs.GetBlobContainerClient(app.Containers.ExtractsContainer);
        await extracts.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var stray = extracts.GetBlobClient("872/latest/manifest.json");
        await stray.UploadAsync(BinaryData.FromString("{}"), TestContext.Current.CancellationToken);

        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(stray), TestContext.Current.CancellationToken);

        Assert.Empty(await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 2001);
    }
}
