namespace PerfPipeline.Tests.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Generation;
using PerfPipeline.Generation.Profile;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.Acceptance;

public sealed class SeedGeneratorTests
{
    private static readonly Lazy<SyntheticWorld> World = new(() =>
        SeedGenerator.Generate(SeedProfileJson.Load(RepositoryRoot.File("seeds", "profiles", "wokingham-2019-20-q2.json"))));

    [Fact]
    public void Generate_WokinghamProfile_EngineReproducesEveryPublishedFigure()
    {
        var data = AsAtCut.Loaded(World.Value) with { Population = PopulationReference.ForLa("872") };
        Period[] periods = [Period.Parse("2018-19"), Period.Parse("2018-19 Q2"), Period.Parse("2019-20 Q2")];
        var values = new IndicatorEngine().Compute(data, periods)
            .ToDictionary(v => (v.IndicatorCode, v.Period));

        var mismatches = new List<string>();
        foreach (var measure in PublishedDashboard.Load())
        {
            var columns = new[]
            {
                (PublishedDashboard.YearColumn, measure.Year, periods[0]),
                (PublishedDashboard.LastYearQuarterColumn, measure.LastYearQuarter, periods[1]),
                (PublishedDashboard.QuarterColumn, measure.Quarter, periods[2]),
            };
            foreach (var (column, published, period) in columns)
            {
                var expected = PublishedDashboard.Expected(measure.Indicator, column, published);
                var value = values[(measure.Indicator, period)];
                var actual = PublishedDashboard.AsPublished(value.Value, expected);
                if (actual != expected)
                {
                    mismatches.Add($"{measure.Indicator} {period}: {actual} ({value.Numerator}/{value.Denominator}), published {expected}");
                }
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Generate_SameProfileTwice_GivesTheSameRecords()
    {
        var profile = SeedProfileJson.Load(RepositoryRoot.File("seeds", "profiles", "wokingham-2019-20-q2.json"));

        var sut = SeedGenerator.Generate(profile);

        Assert.Equal(World.Value.Referrals, sut.Referrals);
        Assert.Equal(World.Value.CareVisits, sut.CareVisits);
        Assert.Equal(World.Value.Involvements, sut.Involvements);
    }
}
