namespace PerfPipeline.Tests.Infra;

using System.Text.Json;

[Collection(SharedCompilation.Name)]
public sealed class StorageTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void StorageAccounts_Every_RefusesKeysAnonymousAccessHttpAndOldTls()
    {
        var accounts = compiled.OfType("Microsoft.Storage/storageAccounts");

        Assert.Equal(["data-storage", "host-storage"], accounts.Select(account => account.Module).Order());
        Assert.All(accounts, account =>
        {
            Assert.False(account.At("properties.allowSharedKeyAccess").GetBoolean());
            Assert.False(account.At("properties.allowBlobPublicAccess").GetBoolean());
            Assert.True(account.At("properties.supportsHttpsTrafficOnly").GetBoolean());
            Assert.True(account.At("properties.defaultToOAuthAuthentication").GetBoolean());
            Assert.Equal("TLS1_2", account.Text("properties.minimumTlsVersion"));
        });
    }

    [Fact]
    public void BlobService_DataAccount_KeepsVersionsAndDeletedBlobsAndContainers()
    {
        var sut = compiled.Resource("Microsoft.Storage/storageAccounts/blobServices", "data-storage");

        Assert.True(sut.At("properties.isVersioningEnabled").GetBoolean());
        Assert.True(sut.At("properties.deleteRetentionPolicy.enabled").GetBoolean());
        Assert.True(sut.At("properties.containerDeleteRetentionPolicy.enabled").GetBoolean());
    }

    [Fact]
    public void BlobService_HostAccount_KeepsDeletedBlobsAndContainers()
    {
        var sut = compiled.Resource("Microsoft.Storage/storageAccounts/blobServices", "host-storage");

        Assert.True(sut.At("properties.deleteRetentionPolicy.enabled").GetBoolean());
        Assert.True(sut.At("properties.containerDeleteRetentionPolicy.enabled").GetBoolean());
    }

    [Fact]
    public void Containers_DataAccount_AreThePipelineContainersWithoutPublicAccess()
    {
        var sut = compiled.Resource("Microsoft.Storage/storageAccounts/blobServices/containers", "data-storage");

        foreach (var container in new[] { "'extracts'", "'archive'", "'quarantine'" })
        {
            Assert.Contains(container, sut.Text("name"), StringComparison.Ordinal);
        }

        Assert.Equal("None", sut.Text("properties.publicAccess"));
    }

    [Fact]
    public void LifecyclePolicy_ArchivedBatches_MoveToCoolThenArchiveTierAndAreNeverDeleted()
    {
        var sut = compiled.Resource("Microsoft.Storage/storageAccounts/managementPolicies", "data-storage");
        var rules = sut.At("properties.policy.rules").EnumerateArray().ToList();

        var archive = Assert.Single(rules, rule => rule.GetProperty("definition").GetProperty("filters").GetProperty("prefixMatch")
            .EnumerateArray().Any(prefix => prefix.GetString() == "archive/"));
        var baseBlob = archive.GetProperty("definition").GetProperty("actions").GetProperty("baseBlob");
        Assert.True(baseBlob.TryGetProperty("tierToCool", out _));
        Assert.True(baseBlob.TryGetProperty("tierToArchive", out _));
        Assert.DoesNotContain("delete", PropertyNames(sut.At("properties.policy")));
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => PropertyNames(property.Value).Prepend(property.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
