namespace PerfPipeline.Tests.Privacy;

using PerfPipeline.Privacy;

public sealed class PackedIdentifierTests
{
    [Fact]
    public void TryPack_ShortAsciiIds_PackDistinctly()
    {
        string[] ids = ["", "7", "07", "007", "A1", "a1", "R00000001", "R00000010", "123456789"];

        var packed = ids.Select(id =>
        {
            Assert.True(PackedIdentifier.TryPack(id, out var value));
            return value;
        }).ToList();

        Assert.Equal(ids.Length, packed.Distinct().Count());
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("Zoë-1")]
    [InlineData("A\0")]
    public void TryPack_LongOrNonAsciiOrNul_DoesNotPack(string id)
    {
        Assert.False(PackedIdentifier.TryPack(id, out _));
    }
}
