namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;
using PerfPipeline.Privacy;

public sealed class RepeatedKeysTests
{
    [Fact]
    public void Find_ManyKeysSomeRepeated_ReturnsExactlyTheRepeatedOnes()
    {
        var random = new Random(872);
        var keys = Enumerable.Range(1, 100_000).Select(i => Packed($"R{i:D8}")).ToList();
        var repeated = new[] { 5, 70_000, 99_999 }.Select(i => keys[i]).ToList();
        keys.AddRange(repeated);
        keys.Add(repeated[0]);
        var shuffled = keys.ToArray();
        random.Shuffle(shuffled);

        var sut = RepeatedKeys.Find(shuffled);

        Assert.Equal(repeated.Order(), sut.Order());
    }

    [Fact]
    public void Find_KeyZeroTwice_IsRepeated()
    {
        Assert.Equal([0UL], RepeatedKeys.Find([0, 7, 0]));
        Assert.Empty(RepeatedKeys.Find([0, 7]));
    }

    private static ulong Packed(string key)
    {
        Assert.True(PackedIdentifier.TryPack(key, out var packed));
        return packed;
    }
}
