namespace PerfPipeline.Tests.Api;

using PerfPipeline.Api;

public sealed class EntityTagTests
{
    private static readonly string Tag = EntityTag.FromLoad("872-20190930-3fa2b1c4d5e6f708");

    [Theory]
    [InlineData("\"872-20190930-3fa2b1c4d5e6f708\"")]
    [InlineData("W/\"872-20190930-3fa2b1c4d5e6f708\"")]
    [InlineData("\"872-20190831-0000000000000000\", \"872-20190930-3fa2b1c4d5e6f708\"")]
    [InlineData("*")]
    public void Matches_HeaderNamingTheTag_IsTrue(string ifNoneMatch) => Assert.True(EntityTag.Matches(ifNoneMatch, Tag));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"872-20190831-0000000000000000\"")]
    [InlineData("872-20190930-3fa2b1c4d5e6f708")]
    public void Matches_HeaderNotNamingTheTag_IsFalse(string? ifNoneMatch) => Assert.False(EntityTag.Matches(ifNoneMatch, Tag));

    [Fact]
    public void FromLoad_LoadId_IsAQuotedStrongTag() => Assert.Equal("\"872-20190930-3fa2b1c4d5e6f708\"", Tag);
}
