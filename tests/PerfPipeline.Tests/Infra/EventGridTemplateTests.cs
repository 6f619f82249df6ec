namespace PerfPipeline.Tests.Infra;

[Collection(SharedCompilation.Name)]
public sealed class EventGridTemplateTests(CompiledTemplate compiled)
{
    [Fact]
    public void SystemTopic_Source_IsTheDataStorageAccount()
    {
        var sut = compiled.Resource("Microsoft.EventGrid/systemTopics", "event-grid");

        Assert.Equal("Microsoft.Storage.StorageAccounts", sut.Text("properties.topicType"));
        Assert.Contains("parameters('dataStorageName')", sut.Text("properties.source"), StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_Filter_OnlyPassesNewManifestsInExtracts()
    {
        var sut = compiled.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions", "event-grid");

        Assert.Equal(["Microsoft.Storage.BlobCreated"], sut.At("properties.filter.includedEventTypes").EnumerateArray().Select(type => type.GetString()));
        Assert.Equal("/blobServices/default/containers/extracts/", sut.Text("properties.filter.subjectBeginsWith"));
        Assert.EndsWith("manifest.json", sut.Text("properties.filter.subjectEndsWith"), StringComparison.Ordinal);
    }

    [Fact]
    public void Subscription_Destination_IsTheBlobTriggerWebhookOfLoadBatchOnManifest()
    {
        var sut = compiled.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions", "event-grid");

        Assert.Equal("WebHook", sut.Text("properties.destination.endpointType"));
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.LoadBatchOnManifest&code=", sut.Text("properties.destination.properties.endpointUrl"), StringComparison.Ordinal);
        Assert.Equal("[parameters('deploySubscription')]", sut.Text("condition"));
    }

    [Fact]
    public void Subscription_UndeliveredEvents_AreDeadLetteredWithTheTopicIdentity()
    {
        var sut = compiled.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions", "event-grid");

        Assert.Equal("SystemAssigned", sut.Text("properties.deadLetterWithResourceIdentity.identity.type"));
        Assert.Equal("StorageBlob", sut.Text("properties.deadLetterWithResourceIdentity.deadLetterDestination.endpointType"));
        Assert.True(sut.At("properties.retryPolicy.maxDeliveryAttempts").GetInt32() > 1);
    }
}
