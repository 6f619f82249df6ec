namespace PerfPipeline.Tests.Batches;

using Azure.Storage.Blobs;

using PerfPipeline.Batches;
using PerfPipeline.Tests.TestSupport.Azurite;

[Collection(nameof(UsesAzurite))]
public sealed class BlobBatchSourceTests : BatchSourceContractTests
{
    private readonly BlobServiceClient service;
    private readonly BlobBatchSourceOptions containers = AzuriteFixture.NewContainers();

    public BlobBatchSourceTests(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        service = azurite.CreateServiceClient();
        Sut = new BlobBatchSource(service, containers);
    }

    protected override IBatchSource Sut { get; }

    [Theory]
    [InlineData("../873/2019-09-30/referrals.csv")]
    [InlineData("sub/referrals.csv")]
    [InlineData("..")]
    public async Task OpenFileAsync_NameReachingOutsideTheBatch_IsRefused(string fileName)
    {
        await DropBatchAsync(Wokingham);

        await Assert.ThrowsAsync<ArgumentException>(() => Sut.OpenFileAsync(Wokingham, fileName, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("872/2019-09-30/manifest.json", true)]
    [InlineData("872/2019-09-30/referrals.csv", false)]
    [InlineData("872/2019-9-30/manifest.json", false)]
    [InlineData("872/2019-09-30/old/manifest.json", false)]
    [InlineData("manifest.json", false)]
    public void TryParseManifestName_BlobName_RecognisesOnlyBatchManifests(string blobName, bool isBatch)
    {
        var parsed = BlobBatchSource.TryParseManifestName(blobName, out var batch);

        Assert.Equal(isBatch, parsed);
        Assert.Equal(isBatch ? "872/2019-09-30" : null, batch?.Path);
    }

    protected override async Task DropAsync(string path, string content)
    {
        var container = service.GetBlobContainerClient(containers.ExtractsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: TestContext.Current.CancellationToken);
        await container.GetBlobClient(path).UploadAsync(BinaryData.FromString(content), overwrite: true, TestContext.Current.CancellationToken);
    }

    protected override async Task<string?> ReadCopyAsync(CopyKind kind, BatchLocation batch, string loadId, string fileName)
    {
        var container = service.GetBlobContainerClient(kind == CopyKind.Archive ? containers.ArchiveContainer : containers.QuarantineContainer);
        var blob = container.GetBlobClient($"{batch.Path}/{loadId}/{fileName}");
        if (!await blob.ExistsAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        var content = await blob.DownloadContentAsync(TestContext.Current.CancellationToken);
        return content.Value.Content.ToString();
    }
}
