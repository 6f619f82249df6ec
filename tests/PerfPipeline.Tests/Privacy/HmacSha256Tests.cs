namespace PerfPipeline.Tests.Privacy;

using System.Security.Cryptography;

using PerfPipeline.Privacy;

public sealed class HmacSha256Tests
{
    // Message lengths around the padding edges (55/56 bytes fit one block or need two) and block sizes;
    // key lengths below, at and above one block (a longer key is hashed first).
    public static TheoryData<int, int> Lengths => new()
    {
        { 16, 0 }, { 16, 1 }, { 32, 7 }, { 32, 55 }, { 32, 56 }, { 32, 63 }, { 32, 64 }, { 32, 65 },
        { 32, 119 }, { 32, 120 }, { 32, 300 }, { 64, 55 }, { 65, 56 }, { 100, 9 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Compute_AnyKeyAndMessage_MatchesTheFrameworkHmac(int keyLength, int messageLength)
    {
        var key = RandomNumberGenerator.GetBytes(keyLength);
        var message = RandomNumberGenerator.GetBytes(messageLength);
        using var sut = new HmacSha256(key);
        var hash = new byte[HmacSha256.HashBytes];

        sut.Compute(message, hash);

        Assert.Equal(HMACSHA256.HashData(key, message), hash);
    }

    [Fact]
    public void Compute_ManyMessages_EachMatchesTheFrameworkHmac()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var sut = new HmacSha256(key);
        var hash = new byte[HmacSha256.HashBytes];

        for (var length = 0; length < 150; length++)
        {
            var message = RandomNumberGenerator.GetBytes(length);
            sut.Compute(message, hash);
            Assert.Equal(HMACSHA256.HashData(key, message), hash);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(21)]
    [InlineData(64)]
    public void ComputeMany_ShortAndLongMessages_EachMatchesTheFrameworkHmac(int count)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var sut = new HmacSha256(key);
        var messages = Enumerable.Range(0, count).Select(i => RandomNumberGenerator.GetBytes(i % 13 == 12 ? 56 + i : i % 56)).ToList();
        var bytes = messages.SelectMany(m => m).ToArray();
        var ranges = new Range[count];
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            ranges[i] = offset..(offset + messages[i].Length);
            offset += messages[i].Length;
        }

        var hashes = new byte[count * HmacSha256.HashBytes];

        sut.ComputeMany(bytes, ranges, hashes);

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(HMACSHA256.HashData(key, messages[i]), hashes.AsSpan(i * HmacSha256.HashBytes, HmacSha256.HashBytes).ToArray());
        }
    }
}
