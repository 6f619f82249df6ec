namespace PerfPipeline.Tests.Infra;

using System.Text.Json;

using PerfPipeline.Hosting;

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

    [Theory]
    [InlineData("archive/")]
    [InlineData("quarantine/")]
    public void LifecyclePolicy_CopiesOfBatches_AreDeletedWithTheirVersionsAfterTheRetentionPeriod(string prefix)
    {
        var rule = Rule(prefix);
        var actions = rule.GetProperty("definition").GetProperty("actions");

        Assert.Equal("[parameters('retentionDays')]", actions.GetProperty("baseBlob").GetProperty("delete").GetProperty("daysAfterModificationGreaterThan").GetString());
        Assert.Equal("[parameters('retentionDays')]", actions.GetProperty("version").GetProperty("delete").GetProperty("daysAfterCreationGreaterThan").GetString());
        Assert.DoesNotContain("tierToArchive", PropertyNames(actions));
        Assert.Equal("[parameters('batchRetentionDays')]", DataStorageParameter("retentionDays"));
    }

    [Fact]
    public void LifecyclePolicy_TheLasOwnExtracts_AreNeverDeleted()
    {
        var rule = Rule("extracts/");

        Assert.DoesNotContain("delete", PropertyNames(rule));
    }

    [Fact]
    public void BatchRetentionDays_Default_IsTheCommandLinesThirteenMonthsWithinTwoDays()
    {
        // purge counts calendar months; the lifecycle rule counts days. 13 months are 393 to 397 days, whatever the date.
        var days = compiled.Templates.Single(t => t.Module == "main").Template.GetProperty("parameters").GetProperty("batchRetentionDays").GetProperty("defaultValue").GetInt32();
        var start = new DateOnly(2024, 1, 1);
        var spans = Enumerable.Range(0, 4 * 366).Select(i => start.AddDays(i))
            .Select(d => d.DayNumber - d.AddMonths(-RetentionOptions.DefaultMonths).DayNumber).ToList();

        Assert.Equal(395, days);
        Assert.All(spans, span => Assert.InRange(days - span, -2, 2));
    }

    private JsonElement Rule(string prefix)
    {
        var sut = compiled.Resource("Microsoft.Storage/storageAccounts/managementPolicies", "data-storage");
        return Assert.Single(sut.At("properties.policy.rules").EnumerateArray(), rule => rule.GetProperty("definition").GetProperty("filters")
            .GetProperty("prefixMatch").EnumerateArray().Any(p => p.GetString() == prefix));
    }

    /// <summary>The value main.bicep passes to a parameter of the data-storage module.</summary>
    private string? DataStorageParameter(string name) =>
        compiled.OfType("Microsoft.Resources/deployments")
            .Single(r => r.Module == "main" && r.Element.GetProperty("name").GetString() == "data-storage").Element.GetProperty("properties").GetProperty("parameters").GetProperty(name).GetProperty("value").GetString();

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => PropertyNames(property.Value).Prepend(property.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
