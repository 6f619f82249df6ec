namespace PerfPipeline.Tests.Calendar;

using System.Globalization;

using PerfPipeline.Calendar;

public sealed class DateSpanTests
{
    private static readonly DateOnly Start = new(2019, 6, 1);
    private static readonly DateOnly End = new(2019, 6, 30);

    [Theory]
    [InlineData("2019-05-31", false)]
    [InlineData("2019-06-01", true)]
    [InlineData("2019-06-30", true)]
    [InlineData("2019-07-01", false)]
    public void Covers_EndedSpan_IncludesBothEnds(string day, bool covered) =>
        Assert.Equal(covered, DateSpan.Covers(Start, End, DateOnly.Parse(day, CultureInfo.InvariantCulture)));

    [Fact]
    public void Covers_OpenSpan_EveryDayFromTheStart()
    {
        Assert.False(DateSpan.Covers(Start, null, Start.AddDays(-1)));
        Assert.True(DateSpan.Covers(Start, null, Start));
        Assert.True(DateSpan.Covers(Start, null, new DateOnly(2030, 1, 1)));
    }
}
