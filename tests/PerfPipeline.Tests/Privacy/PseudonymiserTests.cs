namespace PerfPipeline.Tests.Privacy;

using System.Security.Cryptography;
using System.Text;

using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

public sealed class PseudonymiserTests
{
    [Fact]
    public void Pseudonymise_SameKey_IsStableAcrossInstances()
    {
        var key = TestKeys.NewKey();
        using var first = new Pseudonymiser(key);
        using var second = new Pseudonymiser(key);

        Assert.Equal(first.Pseudonymise("1234567"), second.Pseudonymise("1234567"));
        Assert.Equal(first.Pseudonymise("1234567"), first.Pseudonymise("1234567"));
    }

    [Fact]
    public void Pseudonymise_OtherKey_GivesOtherPseudonym()
    {
        using var first = new Pseudonymiser(TestKeys.NewKey());
        using var second = new Pseudonymiser(TestKeys.NewKey());

        Assert.NotEqual(first.Pseudonymise("1234567"), second.Pseudonymise("1234567"));
    }

    [Fact]
    public void Pseudonymise_AnyId_IsTruncatedHmacSha256InLowerHex()
    {
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        using var sut = new Pseudonymiser(PseudonymisationKey.FromBase64(Convert.ToBase64String(keyBytes)));

        var pseudonym = sut.Pseudonymise("  007 ");

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(keyBytes, Encoding.UTF8.GetBytes("007")).AsSpan(0, 16));
        Assert.Equal(expected, pseudonym);
        Assert.Equal(Pseudonymiser.Length, pseudonym.Length);
    }

    [Fact]
    public void Pseudonymise_DistinctIds_GiveDistinctPseudonyms()
    {
        using var sut = new Pseudonymiser(TestKeys.NewKey());

        var pseudonyms = new[] { "7", "07", "007", "A1", "a1", "Zoë-1", new string('x', 300) }.Select(id => sut.Pseudonymise(id)).ToList();

        Assert.Equal(pseudonyms.Count, pseudonyms.Distinct().Count());
        Assert.All(pseudonyms, p => Assert.Matches("^[0-9a-f]{32}$", p));
    }

    [Fact]
    public void Enlist_ManyIds_GivesEachIdItsPseudonym()
    {
        var key = TestKeys.NewKey();
        using var sut = new Pseudonymiser(key);
        using var reference = new Pseudonymiser(key);
        var ids = Enumerable.Range(0, 50).Select(i => i % 7 == 0 ? $"long-identifier-{i}-{new string('x', 40)}" : $"{i:D6}").ToList();

        var people = ids.Select(id => sut.Enlist($" {id} ")).ToList();

        Assert.Equal(people, ids.Select(id => sut.Enlist(id)));
        Assert.Equal(ids.Count, people.Distinct().Count());
        Assert.Equal(ids.Select(id => reference.Pseudonymise(id)), people.Select(sut.Pseudonym));
    }

    [Fact]
    public void EnsureCapacity_BeforeAndBetweenEnlisting_ChangesNoNumberOrPseudonym()
    {
        var key = TestKeys.NewKey();
        using var sut = new Pseudonymiser(key);
        using var reference = new Pseudonymiser(key);
        var ids = Enumerable.Range(0, 40).Select(i => $"{i:D6}").ToList();

        sut.EnsureCapacity(3);
        var first = ids.Take(20).Select(id => sut.Enlist(id)).ToList();
        sut.EnsureCapacity(1000);
        var second = ids.Select(id => sut.Enlist(id)).ToList();

        Assert.Equal(Enumerable.Range(0, 40), second);
        Assert.Equal(first, second.Take(20));
        Assert.Equal(ids.Select(id => reference.Pseudonymise(id)), second.Select(sut.Pseudonym));
    }

    [Fact]
    public async Task Enlist_OnWorker_GivesEachIdTheSamePseudonymOnceCaughtUp()
    {
        var key = TestKeys.NewKey();
        using var sut = new Pseudonymiser(key, hashOnWorker: true);
        using var reference = new Pseudonymiser(key);
        // More identifiers than the worker takes at a time, one longer than a chunk's bytes, non-ASCII ones.
        var ids = Enumerable.Range(0, 5000).Select(i => i switch
        {
            1234 => new string('x', 40_000),
            _ when i % 11 == 0 => $"Zoë-{i}",
            _ => $"{i:D7}",
        }).ToList();

        var first = ids.Take(3000).Select(id => sut.Enlist($" {id} ")).ToList();
        await sut.CatchUpAsync(TestContext.Current.CancellationToken);
        var all = ids.Select(id => sut.Enlist(id)).ToList();
        await sut.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(0, ids.Count), all);
        Assert.Equal(first, all.Take(3000));
        Assert.Equal(ids.Select(id => reference.Pseudonymise(id)), all.Select(sut.Pseudonym));
        Assert.True(sut.TryFindPseudonym(ids[1234], out var pseudonym));
        Assert.Equal(reference.Pseudonymise(ids[1234]), pseudonym);
    }

    [Fact]
    public async Task Pseudonym_OnWorkerBeforeCatchingUp_ThrowsRatherThanGivingNone()
    {
        using var sut = new Pseudonymiser(TestKeys.NewKey(), hashOnWorker: true);
        var caughtUp = sut.Enlist("1000001");
        await sut.CatchUpAsync(TestContext.Current.CancellationToken);

        var person = sut.Enlist("1000002");

        Assert.Matches("^[0-9a-f]{32}$", sut.Pseudonym(caughtUp));
        Assert.Throws<InvalidOperationException>(() => sut.Pseudonym(person));
        Assert.Throws<InvalidOperationException>(() => sut.TryFindPseudonym("1000002", out _));
    }

    [Fact]
    public async Task CatchUpAsync_Cancelled_ThrowsRatherThanWaiting()
    {
        using var sut = new Pseudonymiser(TestKeys.NewKey(), hashOnWorker: true);
        sut.Enlist("1000001");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.CatchUpAsync(new CancellationToken(canceled: true)));
    }

    [Fact]
    public async Task Dispose_WithIdentifiersQueued_StopsTheWorkerAndCatchingUpThrows()
    {
        var sut = new Pseudonymiser(TestKeys.NewKey(), hashOnWorker: true);
        for (var i = 0; i < 20_000; i++)
        {
            sut.Enlist($"{i:D7}");
        }

        sut.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => sut.CatchUpAsync(TestContext.Current.CancellationToken));
        Assert.Throws<ObjectDisposedException>(() => sut.Enlist("new one"));
    }
}
