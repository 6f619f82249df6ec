namespace PerfPipeline.Tests.Privacy;

using PerfPipeline.Privacy;

/// <summary>
/// Pseudonyms are the warehouse's person keys: a change of implementation must give the very same ones, or every
/// warehouse already loaded would split each child in two. These values were computed by the hand-written SHA-256 the
/// pseudonymiser used before it moved to the framework's HMACSHA256 (and agree with an independent HMAC-SHA256).
/// Lengths straddle SHA-256's block boundaries (55/56 and 119/120 bytes, a 64-byte message, a long one).
/// </summary>
public sealed class KnownPseudonymsTests
{
    private static readonly PseudonymisationKey Key = PseudonymisationKey.FromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private static readonly (string Identifier, string Pseudonym)[] Pairs =
    [
        ("1000001", "87f34f2036a378fb62fbfff8816017a2"),
        ("  007 ", "66656d24da5468ffa4eaf315408d8f69"),
        ("R300001", "f7351325304a011e85f7d13bc46fd2c5"),
        ("A1", "ec85966e4af23840b134d2f783de4ea4"),
        ("a1", "ca81ed7975a16baaee74df11a4ee4614"),
        ("Zoë-1", "c043d009e8fd512fce4ab65e8ebe5b31"),
        ("W50095", "2970e980ba6a9dd645e3a761cc3103d4"),
        (new string('x', 55), "37e3a063705c893eb8e0cc065f4bb4bb"),
        (new string('y', 56), "5eb7a297a2d19b354fb3376e275a742d"),
        (new string('z', 64), "030d5b0ae2e119c91298ed96a1ee498e"),
        (new string('L', 119), "803bbf909a2607966d2fb77a9cb5556d"),
        (new string('M', 120), "63fe7da5b1c11f2fa1f4e35dfbea76c1"),
        (new string('N', 300), "87524ec38f585a4949b4dd3c9b6261d8"),
    ];

    public static TheoryData<string, string> Known => new(Pairs);

    [Theory]
    [MemberData(nameof(Known))]
    public void Pseudonymise_KnownIdentifier_GivesThePseudonymWarehousesHold(string identifier, string pseudonym)
    {
        using var sut = new Pseudonymiser(Key);

        Assert.Equal(pseudonym, sut.Pseudonymise(identifier));
    }

    [Fact]
    public void Enlist_KnownIdentifiers_GivesThePseudonymsWarehousesHold()
    {
        using var sut = new Pseudonymiser(Key);
        var people = Pairs.Select(pair => sut.Enlist(pair.Identifier)).ToList();

        Assert.Equal(Pairs.Select(pair => pair.Pseudonym), people.Select(sut.Pseudonym));
    }

    [Fact]
    public async Task Enlist_KnownIdentifiersOnWorker_GivesThePseudonymsWarehousesHold()
    {
        using var sut = new Pseudonymiser(Key, hashOnWorker: true);
        var people = Pairs.Select(pair => sut.Enlist(pair.Identifier)).ToList();

        await sut.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Pairs.Select(pair => pair.Pseudonym), people.Select(sut.Pseudonym));
    }
}
