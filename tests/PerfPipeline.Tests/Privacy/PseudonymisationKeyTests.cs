namespace PerfPipeline.Tests.Privacy;

using System.Security.Cryptography;

using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

public sealed class PseudonymisationKeyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void LoadOrCreate_NoKeyFile_GeneratesOwnerOnlyKeyOnceAndReusesIt()
    {
        var path = _temp.File("data/pseudonymisation.key");

        var first = PseudonymisationKey.LoadOrCreate(path);
        var second = PseudonymisationKey.LoadOrCreate(path);

        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(path)).Length);
        Assert.Equal(Pseudonym(first, "P1"), Pseudonym(second, "P1"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Empty(Directory.GetFiles(_temp.File("data"), "*.tmp"));
    }

    [Fact]
    public void LoadOrCreate_TwoFolders_GenerateDifferentKeys()
    {
        var first = PseudonymisationKey.LoadOrCreate(_temp.File("a/pseudonymisation.key"));
        var second = PseudonymisationKey.LoadOrCreate(_temp.File("b/pseudonymisation.key"));

        Assert.NotEqual(Pseudonym(first, "P1"), Pseudonym(second, "P1"));
    }

    [Fact]
    public void Resolve_ConfiguredKey_WinsOverKeyFile()
    {
        var configured = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var path = _temp.File("data/pseudonymisation.key");

        var sut = PseudonymisationKey.Resolve(configured, path);

        Assert.Equal(Pseudonym(PseudonymisationKey.FromBase64(configured), "P1"), Pseudonym(sut, "P1"));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolve_NoConfiguredKey_UsesKeyFile(string? configured)
    {
        var path = _temp.File("data/pseudonymisation.key");

        var sut = PseudonymisationKey.Resolve(configured, path);

        Assert.Equal(Pseudonym(PseudonymisationKey.LoadOrCreate(path), "P1"), Pseudonym(sut, "P1"));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public void FromBase64_InvalidOrShortKey_Throws(string base64)
    {
        Assert.Throws<ArgumentException>(() => PseudonymisationKey.FromBase64(base64));
    }

    [Fact]
    public void ToString_NeverRevealsKey()
    {
        var base64 = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

        Assert.DoesNotContain(base64, PseudonymisationKey.FromBase64(base64).ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static string Pseudonym(PseudonymisationKey key, string id)
    {
        using var pseudonymiser = new Pseudonymiser(key);
        return pseudonymiser.Pseudonymise(id);
    }
}
