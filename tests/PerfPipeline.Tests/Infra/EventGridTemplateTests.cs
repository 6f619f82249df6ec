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
    public void Subscription_Destination_IsTheQueueLoadBatchOnManifestReads_WithTheTopicsIdentityAndNoKey()
    {
        var sut = compiled.Resource("Microsoft.EventGrid/systemTopics/eventSubscriptions", "event-grid");
        var main = compiled.Templates.Single(t => t.Module == "main").Template;

        Assert.Equal("StorageQueue", sut.Text("properties.deliveryWithResourceIdentity.destination.endpointType"));
        Assert.Equal("SystemAssigned", sut.Text("properties.deliveryWithResourceIdentity.identity.type"));
        Assert.Equal("[parameters('queueName')]", sut.Text("properties.deliveryWithResourceIdentity.destination.properties.queueName"));
        Assert.Equal(PerfPipeline.Functions.LoadBatchOnManifest.QueueName, main.GetProperty("variables").GetProperty("eventQueueName").GetString());
        Assert.Equal(-1, sut.At("properties.deliveryWithResourceIdentity.destination.properties.queueMessageTimeToLiveInSeconds").GetInt32());
        Assert.False(sut.Element.TryGetProperty("condition", out _), "The subscription needs no app key, so it is deployed with everything else.");
        Assert.DoesNotContain("listKeys", compiled.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void Topic_Identity_MaySendToTheQueueOnly()
    {
        var sender = Assert.Single(compiled.OfType("Microsoft.Authorization/roleAssignments"), a => a.Module == "event-grid" && a.Text("scope").Contains("queueServices/queues", StringComparison.Ordinal));

        Assert.Contains("roles').storageQueueDataMessageSender", sender.Text("properties.roleDefinitionId"), StringComparison.Ordinal);
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
