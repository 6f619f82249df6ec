namespace PerfPipeline.Tests.Batches;

using Azure.Storage.Blobs;

using Microsoft.Extensions.Logging.Abstractions;

using PerfPipeline.Batches;
using PerfPipeline.Tests.TestSupport.Azurite;

[Collection(nameof(UsesAzurite))]
public sealed class BlobManifestLockTests
{
    private static readonly BatchLocation Wokingham = new("872", new DateOnly(2019, 9, 30));

    private readonly BlobServiceClient service;
    private readonly BlobBatchSourceOptions containers = AzuriteFixture.NewContainers();
    private readonly BlobManifestLock sut;

    public BlobManifestLockTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        service = azurite.CreateServiceClient();
        sut = new BlobManifestLock(service, containers, TimeProvider.System, NullLogger<BlobManifestLock>.Instance);
    }

    [Fact]
    public async Task TryAcquireAsync_Free_TakesTheLockAndASecondTryGetsNothing()
    {
        await DropManifestAsync("{}");

        await using var first = await sut.TryAcquireAsync(Wokingham, TestContext.Current.CancellationToken);
        var second = await sut.TryAcquireAsync(Wokingham, TestContext.Current.CancellationToken);

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public async Task TryAcquireAsync_AfterRelease_TakesTheLockAgain()
    {
        await DropManifestAsync("{}");
        var first = await sut.TryAcquireAsync(Wokingham, TestContext.Current.CancellationToken);
        await first!.DisposeAsync();

        await using var again = await sut.TryAcquireAsync(Wokingham, TestContext.Current.CancellationToken);

        Assert.NotNull(again);
    }

    [Fact]
    public async Task TryAcquireAsync_Held_LeavesTheManifestUnchanged()
    {
        await DropManifestAsync("""{"la_code":"872"}""");
        var manifest = Extracts().GetBlobClient($"{Wokingham.Path}/manifest.json");
        var before = await manifest.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);

        await using (await sut.TryAcquireAsync(Wokingham, TestContext.Current.CancellationToken))
        {
            var content = await manifest.DownloadContentAsync(TestContext.Current.CancellationToken);
            Assert.Equal("""{"la_code":"872"}""", content.Value.Content.ToString());
        }

        var after = await manifest.GetPropertiesAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(before.Value.ETag, after.Value.ETag);
    }

    private BlobContainerClient Extracts() => service.GetBlobContainerClient(containers.ExtractsContainer);

    private async Task DropManifestAsync(string json)
    {
        await Extracts().CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await Extracts().GetBlobClient($"{Wokingham.Path}/manifest.json").UploadAsync(BinaryData.FromString(json), overwrite: true, TestContext.Current.CancellationToken);
    }
}
