namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// One engine asked for the LA's figures and the figures by team of the same case data prepares what both read once
/// (as a load does); the figures are those of an engine asked for one alone, whichever comes first.
/// </summary>
public sealed class SharedPreparationTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    [Fact]
    public void ComputeAllThenByTeam_OnOneEngine_GiveTheFiguresOfSeparateEngines()
    {
        var engine = new IndicatorEngine();

        var la = engine.ComputeAll(seeds.Data);
        var teams = engine.ComputeByTeam(seeds.Data);

        Assert.Equal(LaFigures(new IndicatorEngine().ComputeAll(seeds.Data)), LaFigures(la));
        Assert.Equal(TeamFigures(new IndicatorEngine().ComputeByTeam(seeds.Data)), TeamFigures(teams));
    }

    [Fact]
    public void ComputeByTeamThenAll_OnOneEngine_GiveTheFiguresOfSeparateEngines()
    {
        var engine = new IndicatorEngine();

        var teams = engine.ComputeByTeam(seeds.Data);
        var la = engine.ComputeAll(seeds.Data);

        Assert.Equal(TeamFigures(new IndicatorEngine().ComputeByTeam(seeds.Data)), TeamFigures(teams));
        Assert.Equal(LaFigures(new IndicatorEngine().ComputeAll(seeds.Data)), LaFigures(la));
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
