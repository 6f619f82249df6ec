namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class WorkforceMeasuresTests
{
    private static readonly LaCaseData Workforce = Supplying(ExtractContract.Professionals) with
    {
        Professionals =
        [
            Worker("w1", 1.0m, "2015-01-01", null),
            Worker("w2", 0.5m, "2019-03-01", null),
            Worker("w3", 1.0m, "2016-01-01", "2019-09-30"), // leaves on the period end date: a leaver, not in post
            Worker("w4", 0.8m, "2016-01-01", "2018-09-30"), // left before the 12 months
            Worker("w5", 1.0m, "2016-01-01", "2019-01-31") with { AgencyWorker = true }, // agency leaver: not counted
            Worker("w6", 1.0m, "2016-01-01", "2019-02-28") with { QualifiedSocialWorker = false },
            Worker("w7", 1.0m, "2019-10-01", null), // starts after D
            Worker("w8", 0.5m, "2019-01-01", null) with { AgencyWorker = true },
        ],
    };

    [Fact]
    public void Turnover_IsLeaversFteInTheTwelveMonthsOverFteInPostAtTheEnd()
    {
        var sut = Measure(Workforce, SwTurnover12MPct, "2019-20 Q2");

        Assert.Equal(1.0m, sut.Numerator);
        Assert.Equal(1.5m, sut.Denominator);
        Assert.Equal(66.6667m, Math.Round(sut.Value!.Value, 4));
    }

    [Fact]
    public void AgencyShare_IsAgencyFteOverAllQualifiedFteInPost()
    {
        AssertValue(Measure(Workforce, SwAgencyPct, "2019-20 Q2"), 0.5m, 2.0m, 25);
    }

    [Fact]
    public void Turnover_WithNobodyInPost_IsNotAvailable()
    {
        var data = Workforce with { Professionals = [Worker("w1", 1.0m, "2015-01-01", "2019-08-01")] };

        AssertValue(Measure(data, SwTurnover12MPct, "2019-20 Q2"), 1.0m, 0, null);
    }

    private static Professional Worker(string id, decimal fte, string start, string? end) =>
        new(id, false, fte, true, Day(start), MaybeDay(end));
}
