namespace PerfPipeline.Tests.Functions;

using PerfPipeline.Batches;
using PerfPipeline.Functions;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport.Azurite;

/// <summary>
/// Retention on the blob source (Azurite): a copy past the retention period is deleted from the archive container and
/// recorded in the audit, the LA's own blobs stay, and the replay endpoint then answers 410 saying why.
/// </summary>
[Collection(nameof(UsesAzurite))]
public sealed class RetentionOnBlobStorageTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Purge_ArchivedCopyPastTheRetention_DeletesItsBlobsRecordsItAndReplayAnswers410()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        var manifest = await app.DropAsync(b => b.Valid());
        await app.Function<LoadBatchOnManifest>().Run(await FunctionApp.BlobCreatedEventAsync(manifest), Ct);
        var load = Assert.Single(await app.Warehouse.ListLoadsAsync(cancellationToken: Ct));
        var purge = app.Service<RetentionPurge>();
        app.Time.SetUtcNow(DateTimeOffset.UtcNow.AddMonths(12)); // within the 13 months
        Assert.Empty(await purge.PurgeAsync(Ct));
        app.Time.SetUtcNow(DateTimeOffset.UtcNow.AddMonths(13).AddDays(1));

        var purged = await purge.PurgeAsync(Ct);

        Assert.Equal([(BatchCopyKind.Archive, load.LoadId)], purged.Select(p => (p.Kind, p.LoadId)));
        Assert.Empty(await app.ListAsync(app.Containers.ArchiveContainer, load.Key.Batch));
        Assert.NotEmpty(await app.ListAsync(app.Containers.ExtractsContainer, load.Key.Batch));
        Assert.Equal([(BatchCopyKind.Archive, load.LoadId)], (await app.Warehouse.ListPurgesAsync(load.LoadId, Ct)).Select(p => (p.Kind, p.LoadId)));
        Assert.Equal(TestBatches.ReferralRows, await app.CountRowsAsync("fact_referral"));

        var request = FunctionApp.Request("POST", $"/api/loads/{load.LoadId}/replay");
        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, load.LoadId, Ct));

        HttpFunctionsTests.AssertProblem(answer, 410);
        Assert.Contains($"The copy of load {load.LoadId} was purged on", answer.Json().GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AsCurrentNotAFlag_Answers400()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        const string loadId = "872-20190930-0123456789abcdef";
        var request = FunctionApp.Request("POST", $"/api/loads/{loadId}/replay", "?as_current=maybe");

        var answer = await FunctionApp.ExecuteAsync(request, await app.Function<ReplayLoad>().Run(request, loadId, Ct));

        HttpFunctionsTests.AssertProblem(answer, 400);
        Assert.Contains("as_current must be true or false", answer.Body, StringComparison.Ordinal);
    }
}
