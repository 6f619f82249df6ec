namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class FrontDoorMeasuresTests
{
    [Fact]
    public void Referrals_CountReferralsDatedInThePeriod()
    {
        var data = Referrals(("a", "2019-06-30"), ("a", "2019-07-01"), ("b", "2019-09-30"), ("c", "2019-10-01"));

        AssertValue(Measure(data, CscReferrals, "2019-20 Q2"), 2, null, 2);
    }

    [Theory]
    [InlineData("2018-07-15", 1)] // exactly 12 months earlier
    [InlineData("2018-07-14", 0)] // 12 months and a day
    [InlineData("2019-07-14", 1)] // the day before
    [InlineData("2019-07-15", 0)] // the same day is not "another referral" in the window
    public void Rereferrals_LookBackTwelveCalendarMonthsToTheDayBefore(string earlier, int repeat)
    {
        var data = Referrals(("a", earlier), ("a", "2019-07-15"), ("b", "2018-07-15"));
        var expected = earlier.StartsWith("2019", StringComparison.Ordinal) ? 2 : 1; // referrals in the quarter

        var sut = Measure(data, CscRereferrals12MPct, "2019-20 Q2");

        Assert.Equal(expected, sut.Denominator);
        Assert.Equal(repeat, sut.Numerator);
    }

    [Theory]
    [InlineData("2023-02-28", 1)] // 2024-02-29 − 12 months = 2023-02-28 (clamped to the month end)
    [InlineData("2023-02-27", 0)]
    public void Rereferrals_ClampTwelveMonthsBackToTheMonthEnd(string earlier, int repeat)
    {
        var data = Referrals(("a", earlier), ("a", "2024-02-29"));

        AssertValue(Measure(data, CscRereferrals12MPct, "2024-02"), repeat, 1, repeat * 100m);
    }

    [Fact]
    public void Rereferrals_AreAShareOfTheReferralsInThePeriod()
    {
        var data = Referrals(("a", "2019-01-10"), ("a", "2019-07-01"), ("b", "2019-07-02"), ("c", "2019-07-03"), ("c", "2019-08-03"));

        AssertValue(Measure(data, CscRereferrals12MPct, "2019-20 Q2"), 2, 4, 50);
    }

    [Theory]
    [InlineData("2019-09-03", 1)] // 45 working days: nine weeks and a day less the summer bank holiday
    [InlineData("2019-09-04", 0)] // 46 working days
    public void Assessments45WorkingDays_CountsWorkingDaysFromStartToAuthorisation(string authorised, int inTime)
    {
        var data = Supplying(ExtractContract.CinAssessments) with
        {
            Assessments = [new("A1", "a", null, Day("2019-07-01"), Day(authorised), null), new("A2", "b", null, Day("2019-07-01"), null, null)],
        };

        AssertValue(Measure(data, CscAssessments45WdPct, "2019-20 Q2"), inTime, 1, inTime * 100m);
    }

    [Fact]
    public void Assessments45WorkingDays_WithNoneAuthorisedInThePeriod_IsNotAvailable()
    {
        AssertValue(Measure(Supplying(ExtractContract.CinAssessments), CscAssessments45WdPct, "2019-20 Q2"), 0, 0, null);
    }

    private static LaCaseData Referrals(params (string Person, string Date)[] referrals) =>
        Supplying(ExtractContract.CinEpisodes) with
        {
            Referrals = [.. referrals.Select((r, i) => new Referral($"R{i}", r.Person, Day(r.Date), null, null, null, null))],
        };
}
