namespace PerfPipeline.Tests.Calendar;

using System.Globalization;

using PerfPipeline.Calendar;

public sealed class PeriodTests
{
    [Theory]
    [InlineData("2019-20", PeriodType.FinancialYear, "2019-04-01", "2020-03-31")]
    [InlineData("2011-12", PeriodType.FinancialYear, "2011-04-01", "2012-03-31")] // never December 2011
    [InlineData("1999-00", PeriodType.FinancialYear, "1999-04-01", "2000-03-31")]
    [InlineData("2019-09", PeriodType.Month, "2019-09-01", "2019-09-30")]
    [InlineData("2020-02", PeriodType.Month, "2020-02-01", "2020-02-29")]
    [InlineData("2019-20 Q1", PeriodType.Quarter, "2019-04-01", "2019-06-30")]
    [InlineData("2019-20 Q2", PeriodType.Quarter, "2019-07-01", "2019-09-30")]
    [InlineData("2019-20 Q3", PeriodType.Quarter, "2019-10-01", "2019-12-31")]
    [InlineData("2019-20 Q4", PeriodType.Quarter, "2020-01-01", "2020-03-31")]
    public void Parse_ReadsEachKindAndFormatsBack(string code, PeriodType type, string start, string end)
    {
        var sut = Period.Parse(code);

        Assert.Equal(new Period(type, Day(start), Day(end)), sut);
        Assert.Equal(code, sut.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2019")]
    [InlineData("2019-13")]
    [InlineData("2019-00")]
    [InlineData("2019-21")]
    [InlineData("2019-20 Q5")]
    [InlineData("2019-09 Q1")]
    [InlineData("19-20")]
    public void TryParse_RejectsMalformedCodes(string code)
    {
        Assert.False(Period.TryParse(code, out _));
        Assert.Throws<FormatException>(() => Period.Parse(code));
    }

    [Theory]
    [InlineData("2011-12", PeriodType.Month, "2011-12-01", "2011-12-31")] // December 2011, when the type says so
    [InlineData("2011-12", PeriodType.FinancialYear, "2011-04-01", "2012-03-31")]
    [InlineData("2019-09", PeriodType.Month, "2019-09-01", "2019-09-30")]
    [InlineData("2019-20 Q2", PeriodType.Quarter, "2019-07-01", "2019-09-30")]
    public void Parse_WithItsType_ReadsMonthsThatLookLikeFinancialYears(string code, PeriodType type, string start, string end)
    {
        Assert.Equal(new Period(type, Day(start), Day(end)), Period.Parse(code, type));
    }

    [Theory]
    [InlineData("2019-09", PeriodType.FinancialYear)]
    [InlineData("2019-20", PeriodType.Quarter)]
    [InlineData("2019-20 Q2", PeriodType.Month)]
    [InlineData("2019-13", PeriodType.Month)]
    public void TryParse_WithTheWrongType_Fails(string code, PeriodType type)
    {
        Assert.False(Period.TryParse(code, type, out _));
    }

    [Fact]
    public void SamePeriodLastYearAndPreviousFinancialYear_StepBackAYear()
    {
        var sut = Period.Parse("2019-20 Q2");

        Assert.Equal("2018-19 Q2", sut.SamePeriodLastYear().Code);
        Assert.Equal("2018-19", sut.PreviousFinancialYear().Code);
        Assert.Equal("2019-01", Period.Parse("2020-01").SamePeriodLastYear().Code);
        Assert.Equal("2018-19", Period.Parse("2020-01").PreviousFinancialYear().Code);
    }

    [Fact]
    public void Touching_GivesEveryMonthQuarterAndYearTheRangeTouches()
    {
        var sut = Period.Touching(Day("2019-03-15"), Day("2019-07-02"));

        Assert.Equal(
            ["2019-03", "2019-04", "2019-05", "2019-06", "2019-07", "2018-19 Q4", "2019-20 Q1", "2019-20 Q2", "2018-19", "2019-20"],
            sut.Select(p => p.Code));
    }

    [Fact]
    public void Touching_WithAnEndBeforeTheStart_IsEmpty()
    {
        Assert.Empty(Period.Touching(Day("2019-03-15"), Day("2019-03-14")));
    }

    [Theory]
    [InlineData("2019-09-30", "2019-20 Q2")]
    [InlineData("2019-10-07", "2019-20 Q2")]
    [InlineData("2019-09-29", "2019-20 Q1")]
    [InlineData("2020-03-31", "2019-20 Q4")]
    [InlineData("2020-04-01", "2019-20 Q4")]
    public void LatestCompleteQuarter_IsTheLastQuarterEndedByTheAsAtDate(string asAt, string expected)
    {
        Assert.Equal(expected, Period.LatestCompleteQuarter(Day(asAt)).Code);
    }

    [Theory]
    [InlineData("2001-09-30", "2019-09-30", 18)]
    [InlineData("2001-10-01", "2019-09-30", 17)]
    [InlineData("2000-02-29", "2019-02-28", 18)]
    [InlineData("2000-02-29", "2019-03-01", 19)]
    public void CompletedYears_CountsBirthdaysReached(string dateOfBirth, string date, int expected)
    {
        Assert.Equal(expected, Age.CompletedYears(Day(dateOfBirth), Day(date)));
    }

    private static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);
}
