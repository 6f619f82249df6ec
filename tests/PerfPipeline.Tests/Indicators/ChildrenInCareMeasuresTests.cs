namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class ChildrenInCareMeasuresTests
{
    private static readonly LaCaseData InCare = Supplying(ExtractContract.ClaEpisodes, ExtractContract.ClaVisits, ExtractContract.Involvements);

    [Fact]
    public void Current_CountsDistinctChildrenWithAnEpisodeOpenAtThePeriodEnd()
    {
        var data = InCare with
        {
            CareEpisodes =
            [
                Episode("a", "C1", "2019-01-01", "2019-05-01"),
                Episode("a", "C1", "2019-05-01", null), // a change of placement: still one child
                Episode("b", "C2", "2019-02-01", "2019-09-30"), // ceased on D
                Episode("c", "C3", "2019-09-30", null),
                Episode("d", "C4", "2019-10-01", null),
            ],
        };

        AssertValue(Measure(data, CicCurrent, "2019-20 Q2"), 2, null, 2);
    }

    [Theory]
    [InlineData("2019-07-08", 1)] // first visit 7 days after the period of care began
    [InlineData("2019-07-09", 0)] // 8 days
    public void Visits_FirstVisitIsTimedFromThePeriodOfCaresStart(string visit, int inTime)
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-07-01", "2019-07-05"), Episode("a", "C1", "2019-07-05", null)],
            CareVisits = [Visit("V1", "C1", visit)],
        };

        AssertValue(Measure(data, CicVisitsInTimescalePct, "2019-07"), inTime, 1, inTime * 100m);
    }

    [Theory]
    [InlineData("2019-06-19", 1)] // 42 days after the previous visit
    [InlineData("2019-06-20", 0)] // 43 days
    public void Visits_LaterVisitsAreTimedInCalendarDaysFromThePreviousVisit(string visit, int inTime)
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-05-01", null)],
            CareVisits = [Visit("V1", "C1", "2019-05-08"), Visit("V2", "C1", visit)],
        };

        AssertValue(Measure(data, CicVisitsInTimescalePct, "2019-06"), inTime, 1, inTime * 100m);
    }

    [Fact]
    public void Visits_OutsideThePeriodOfCareAreLeftOut()
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-07-01", "2019-07-20"), Episode("a", "C1", "2019-07-20", "2019-07-31")],
            CareVisits = [Visit("V1", "C1", "2019-06-30"), Visit("V2", "C1", "2019-07-31"), Visit("V3", "C1", "2019-08-05"), Visit("V4", "C9", "2019-07-10")],
        };

        AssertValue(Measure(data, CicVisitsInTimescalePct, "2019-07"), 0, 1, 0); // V2: 30 days after the start, first visit
        AssertValue(Measure(data, CicVisitsInTimescalePct, "2019-08"), 0, 0, null);
    }

    [Fact]
    public void Visits_PeriodOfCareStaysOpenWhileAnyEpisodeIsOpen()
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-07-01", null), Episode("a", "C1", "2019-07-10", "2019-07-20")],
            CareVisits = [Visit("V1", "C1", "2019-07-05"), Visit("V2", "C1", "2019-08-15")],
        };

        AssertValue(Measure(data, CicVisitsInTimescalePct, "2019-08"), 1, 1, 100); // inside the period of care, 41 days after V1
    }

    [Fact]
    public void Visits_HonourTheTimescaleSettings()
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-05-01", null)],
            CareVisits = [Visit("V1", "C1", "2019-05-09"), Visit("V2", "C1", "2019-06-21")],
        };

        var sut = Measure(data, CicVisitsInTimescalePct, "2019-20 Q1", new() { CareFirstVisitDays = 8, CareVisitDays = 43 });

        AssertValue(sut, 2, 2, 100);
    }

    [Fact]
    public void MultipleSocialWorkers_CountsChildrenInCareWithMoreThanOneProfessionalInTheTwelveMonths()
    {
        var data = InCare with
        {
            CareEpisodes =
            [
                Episode("a", "C1", "2018-01-01", null),
                Episode("b", "C2", "2018-01-01", null),
                Episode("c", "C3", "2018-01-01", null),
                Episode("d", "C4", "2018-01-01", "2019-09-01"), // left care before D
            ],
            Involvements =
            [
                Involvement("a", "w1", "2018-01-01", "2018-09-30"), // ended the day before the window (2018-10-01 .. 2019-09-30)
                Involvement("a", "w2", "2018-09-30", null),
                Involvement("b", "w1", "2018-01-01", "2018-10-01"), // overlaps the window's first day
                Involvement("b", "w2", "2018-10-02", null),
                Involvement("c", "w3", "2018-01-01", "2019-01-01"), // the same worker twice
                Involvement("c", "w3", "2019-02-01", null),
                Involvement("c", "w4", "2019-10-01", null), // starts after D
                Involvement("d", "w1", "2019-01-01", null),
                Involvement("d", "w2", "2019-01-01", null),
            ],
        };

        var sut = Measure(data, CicMultipleSocialWorkers12MPct, "2019-20 Q2");

        Assert.Equal(1, sut.Numerator);
        Assert.Equal(3, sut.Denominator);
        Assert.Equal(33.3333m, Math.Round(sut.Value!.Value, 4));
    }

    [Fact]
    public void MultipleSocialWorkers_WithNobodyInCare_IsNotAvailable()
    {
        AssertValue(Measure(InCare, CicMultipleSocialWorkers12MPct, "2019-20 Q2"), 0, 0, null);
    }

    [Fact]
    public void Rate_IsChildrenInCarePerTenThousand()
    {
        var data = InCare with
        {
            CareEpisodes = [Episode("a", "C1", "2019-01-01", null), Episode("b", "C2", "2019-01-01", null)],
            Population = [new(2018, 16_000)],
        };

        AssertValue(Measure(data, CicRatePer10K, "2019-20 Q2"), 2, 16_000, 1.25m);
    }

    private static CareEpisode Episode(string person, string periodOfCare, string start, string? ceased) =>
        new($"{periodOfCare}-{start}", person, periodOfCare, Day(start), MaybeDay(ceased));

    private static CareVisit Visit(string id, string periodOfCare, string date) => new(id, "a", periodOfCare, Day(date), true);

    private static Involvement Involvement(string person, string worker, string start, string? end) =>
        new($"{person}-{worker}-{start}", person, worker, null, null, Day(start), MaybeDay(end));
}
