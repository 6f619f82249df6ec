namespace PerfPipeline.Tests.TestSupport.Azurite;

/// <summary>Tests that share one Azurite process; each test works in its own containers.</summary>
[CollectionDefinition(nameof(UsesAzurite))]
public sealed class UsesAzurite : ICollectionFixture<AzuriteFixture>;
