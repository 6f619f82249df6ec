namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static Cases;
using static PerfPipeline.Indicators.IndicatorCodes;

public sealed class MissingMeasuresTests
{
    [Fact]
    public void MissingChildren_CountsDistinctChildrenWithAMissingEpisodeStartingInThePeriod()
    {
        var data = Episodes(
            ("p1", "Missing", "2019-07-01", null, null),
            ("p1", "Missing", "2019-08-01", "2019-08-02", null),
            ("p2", "Absent", "2019-07-01", null, null),
            ("p3", "Missing", "2019-06-30", "2019-07-01", null),
            ("p4", "Missing", "2019-09-30", null, null));

        AssertValue(Measure(data, MissingChildren, "2019-20 Q2"), 2, null, 2);
        AssertValue(Measure(data, MissingChildren, "2019-20 Q1"), 1, null, 1);
    }

    [Theory]
    [InlineData("2019-07-13", 1)] // 3 days after the return
    [InlineData("2019-07-14", 0)] // 4 days
    public void ReturnInterviews_AreOnTimeWithinThreeDaysOfTheEpisodeEnding(string interview, int onTime)
    {
        var data = Episodes(
            ("p1", "Missing", "2019-07-09", "2019-07-10", interview),
            ("p2", "Missing", "2019-07-09", "2019-07-10", null), // no interview: left out
            ("p3", "Absent", "2019-07-09", "2019-07-10", "2019-07-20"),
            ("p4", "Missing", "2019-06-29", "2019-06-30", "2019-07-01")); // ended in June

        AssertValue(Measure(data, MissingRhiOnTimePct, "2019-07"), onTime, 1, onTime * 100m);
    }

    [Fact]
    public void MissingEducation_CountsTheRowsOfTheServingSnapshot()
    {
        var data = Supplying() with
        {
            MissingEducationSnapshots = [new(Day("2019-10-01"), [new("a", Day("2019-01-01")), new("b", Day("2019-09-01"))])],
        };

        AssertValue(Measure(data, CmeCurrent, "2019-20 Q2"), 2, null, 2);
        AssertValue(Measure(data, CmeCurrent, "2019-20 Q1"), null, null, null);
    }

    private static LaCaseData Episodes(params (string Person, string Type, string Start, string? End, string? Interview)[] episodes) =>
        Supplying(ExtractContract.Missing) with
        {
            MissingEpisodes = [.. episodes.Select((e, i) => new MissingEpisode(
                $"M{i}", e.Person, Day(e.Start), e.Type, MaybeDay(e.End), null, null, MaybeDay(e.Interview)))],
        };
}
