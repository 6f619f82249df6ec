namespace PerfPipeline.Tests.Infra;

/// <summary>Shares one compilation of main.bicep between the infra test classes.</summary>
[CollectionDefinition(Name)]
public sealed class SharedCompilation : ICollectionFixture<CompiledTemplate>
{
    public const string Name = "Compiled Bicep";
}
