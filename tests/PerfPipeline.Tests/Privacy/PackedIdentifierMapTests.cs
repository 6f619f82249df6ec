namespace PerfPipeline.Tests.Privacy;

using PerfPipeline.Privacy;

public sealed class PackedIdentifierMapTests
{
    [Fact]
    public void GetOrAdd_ManyKeys_KeepsTheFirstValueOfEach()
    {
        var sut = new PackedIdentifierMap();
        var keys = Enumerable.Range(0, 50_000).Select(i => PackedIdentifier.TryPack($"{i}", out var packed) ? packed : 0).ToList();

        var added = keys.Select((key, i) => sut.GetOrAdd(key, i, out _)).ToList();
        var found = keys.Select((key, i) => (sut.GetOrAdd(key, i + 1, out var existing), existing)).ToList();

        Assert.All(added, Assert.False);
        Assert.Equal(keys.Select((_, i) => (true, i)), found);
    }

    [Fact]
    public void GetOrAdd_KeyZero_IsStoredLikeAnyOther()
    {
        var sut = new PackedIdentifierMap();

        Assert.False(sut.GetOrAdd(0, 3, out _));
        Assert.True(sut.GetOrAdd(0, 4, out var existing));
        Assert.Equal(3, existing);
    }
}
