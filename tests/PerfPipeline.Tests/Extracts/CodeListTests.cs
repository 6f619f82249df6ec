namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

public sealed class CodeListTests
{
    [Theory]
    [InlineData("yes", "YES")]
    [InlineData("Refu", "REFU")]
    [InlineData("ABSENT", "Absent")]
    [InlineData("u1", "U1")]
    public void Match_AnyCase_ReturnsCanonicalSpelling(string text, string expected)
    {
        var sut = new CodeList(["YES", "NO", "REFU", "Missing", "Absent", "U1"]);

        Assert.Equal(expected, sut.Match(text));
    }

    [Fact]
    public void Match_NotInList_ReturnsNull()
    {
        var sut = new CodeList(ExtractContract.AccommodationCodes);

        Assert.Null(sut.Match("A1"));
    }

    [Fact]
    public void Match_TwoSpellingsListed_ReturnsTheFirst()
    {
        var sut = new CodeList(["Yes", "YES"]);

        Assert.Equal("Yes", sut.Match("yes"));
    }
}
