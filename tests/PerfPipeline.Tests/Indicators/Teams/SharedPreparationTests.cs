namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// One engine asked for the LA's figures and the figures by team of the same case data prepares what both read once
/// (as a load does); the figures are those of an engine asked for one alone, whichever comes first, or both at once.
/// </summary>
public sealed class SharedPreparationTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ComputeAllAndByTeam_OneAfterTheOtherOnOneEngine_GiveTheFiguresOfSeparateEngines(bool teamsFirst)
    {
        var engine = new IndicatorEngine();

        var teams = teamsFirst ? engine.ComputeByTeam(seeds.Data) : null;
        var la = engine.ComputeAll(seeds.Data);
        teams ??= engine.ComputeByTeam(seeds.Data);

        Assert.Equal(LaFigures(new IndicatorEngine().ComputeAll(seeds.Data)), LaFigures(la));
        Assert.Equal(TeamFigures(new IndicatorEngine().ComputeByTeam(seeds.Data)), TeamFigures(teams));
    }

    [Fact]
    public async Task ComputeAllAndByTeam_AtOnceOnOneEngine_GiveTheFiguresOfSeparateEngines()
    {
        var expectedLa = LaFigures(new IndicatorEngine().ComputeAll(seeds.Data));
        var expectedTeams = TeamFigures(new IndicatorEngine().ComputeByTeam(seeds.Data));

        // Several rounds, each on a fresh engine, so the two passes race for the shared preparation more than once.
        for (var round = 0; round < 5; round++)
        {
            var engine = new IndicatorEngine();
            var la = Task.Run(() => engine.ComputeAll(seeds.Data));
            var teams = Task.Run(() => engine.ComputeByTeam(seeds.Data));

            Assert.Equal(expectedLa, LaFigures(await la));
            Assert.Equal(expectedTeams, TeamFigures(await teams));
        }
    }

    private static List<(string, string, decimal?, decimal?, decimal?, string?)> LaFigures(IReadOnlyList<IndicatorValue> values)
    {
        Assert.NotEmpty(values);
        return [.. values.Select(v => (v.IndicatorCode, v.Period.Code, v.Numerator, v.Denominator, v.Value, v.Reason))];
    }

    private static List<(string, string, string, decimal?, decimal?, decimal?)> TeamFigures(IReadOnlyList<TeamIndicatorValue> values)
    {
        Assert.NotEmpty(values);
        return [.. values.Select(v => (v.TeamKey, v.IndicatorCode, v.Period.Code, v.Numerator, v.Denominator, v.Value))];
    }
}
