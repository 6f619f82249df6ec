namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

public sealed class CellParserTests
{
    public static TheoryData<string, int, int, int> Dates => new()
    {
        { "2019-09-30", 2019, 9, 30 },
        { "2019-09-30 14:05", 2019, 9, 30 },
        { "2019-09-30T14:05", 2019, 9, 30 },
        { "2019-09-30 14:05:59", 2019, 9, 30 },
        { "2019-09-30T00:00:00", 2019, 9, 30 },
        { "2019-09-30 14:05:59.123", 2019, 9, 30 },
        { "2019-09-30T14:05:59.1234567", 2019, 9, 30 },
        { "30/09/2019", 2019, 9, 30 },
        { "01/02/2020", 2020, 2, 1 },
        { "29/02/2020", 2020, 2, 29 },
        { "30/09/2019 14:05", 2019, 9, 30 },
        { "10/12/2024 00:00:00", 2024, 12, 10 },
        { "10/12/2024 13:45:07.250", 2024, 12, 10 },
        { "1900-01-01", 1900, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void TryParseDate_ContractShape_ParsesDayIgnoringTime(string text, int year, int month, int day)
    {
        Assert.True(CellParser.TryParseDate(text, out var date));
        Assert.Equal(new DateOnly(year, month, day), date);
    }

    [Theory]
    [InlineData("2019-9-30")]
    [InlineData("2019-09-3")]
    [InlineData("19-09-30")]
    [InlineData("30/9/2019")]
    [InlineData("3/09/2019")]
    [InlineData("30/09/19")]
    [InlineData("30-09-2019")]
    [InlineData("2019/09/30")]
    [InlineData("20190930")]
    [InlineData("2019-13-01")]
    [InlineData("2019-02-29")]
    [InlineData("31/04/2019")]
    [InlineData("0000-01-01")]
    [InlineData("2019-09-30 14")]
    [InlineData("2019-09-30 14:5")]
    [InlineData("2019-09-30 24:00")]
    [InlineData("2019-09-30 14:60")]
    [InlineData("2019-09-30 14:05:60")]
    [InlineData("2019-09-30 14:05:59.")]
    [InlineData("2019-09-30 14:05:59.12a")]
    [InlineData("2019-09-30X14:05")]
    [InlineData("2019-09-30  14:05")]
    [InlineData("2019-09-30Z")]
    [InlineData("30/09/2019 14")]
    [InlineData("30/09/20190")]
    [InlineData("30/09/2019 25:00:00")]
    [InlineData("Sep 30 2019")]
    [InlineData("2019-O9-30")]
    [InlineData("２０１９-09-30")]
    public void TryParseDate_OtherShape_IsUnparseable(string text)
    {
        Assert.False(CellParser.TryParseDate(text, out _));
    }

    [Theory]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("Yes", true)]
    [InlineData("YES", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("true", true)]
    [InlineData("N", false)]
    [InlineData("n", false)]
    [InlineData("No", false)]
    [InlineData("NO", false)]
    [InlineData("0", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    [InlineData("false", false)]
    public void TryParseFlag_AnySpelling_Parses(string text, bool expected)
    {
        Assert.True(CellParser.TryParseFlag(text, out var flag));
        Assert.Equal(expected, flag);
    }

    [Theory]
    [InlineData("T")]
    [InlineData("F")]
    [InlineData("2")]
    [InlineData("Yess")]
    [InlineData("Ja")]
    [InlineData("-1")]
    public void TryParseFlag_OtherText_IsUnparseable(string text)
    {
        Assert.False(CellParser.TryParseFlag(text, out _));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("0.5", "0.5")]
    [InlineData("1.00", "1.00")]
    [InlineData(".8", "0.8")]
    [InlineData("-0.25", "-0.25")]
    public void TryParseNumber_DecimalWithPoint_Parses(string text, string expected)
    {
        Assert.True(CellParser.TryParseNumber(text, out var number));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), number);
    }

    [Theory]
    [InlineData("0,5")]
    [InlineData("1,000.5")]
    [InlineData("1e3")]
    [InlineData("one")]
    [InlineData("1.2.3")]
    [InlineData("£1")]
    public void TryParseNumber_OtherText_IsUnparseable(string text)
    {
        Assert.False(CellParser.TryParseNumber(text, out _));
    }
}
