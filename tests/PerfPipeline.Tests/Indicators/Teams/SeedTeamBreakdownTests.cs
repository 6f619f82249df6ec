namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Tests.TestSupport;

/// <summary>On the committed seeds, the team figures of 2019-20 Q2 add up to the LA's published figures.</summary>
public sealed class SeedTeamBreakdownTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    private static readonly Period Quarter = Period.Parse("2019-20 Q2");

    [Fact]
    public void ComputeByTeam_EveryFlowMeasureOf2019_20Q2_TeamsAddUpToTheLaFigureWithNoTeamRecordedShown()
    {
        var teamValues = new IndicatorEngine().ComputeByTeam(seeds.Data, [Quarter]);
        var flows = IndicatorCatalogue.All.Where(d => d.Kind == IndicatorKind.Flow).ToList();
        Assert.NotEmpty(flows);
        foreach (var flow in flows)
        {
            var la = seeds.Values.Single(v => v.IndicatorCode == flow.Code && v.Period == Quarter);
            var teams = teamValues.Where(v => v.IndicatorCode == flow.Code).ToList();
            if (TeamMeasureCatalogue.LaOnly.ContainsKey(flow.Code))
            {
                Assert.Empty(teams);
                continue;
            }

            Assert.True(TeamMeasureCatalogue.IsByTeam(flow.Code), flow.Code);
            Assert.True(la.Value is not null, $"{flow.Code} has an LA figure");
            Assert.Contains(teams, t => t.TeamKey == TeamKeys.NoTeamRecorded);
            Assert.True(teams.Count(t => t.TeamKey != TeamKeys.NoTeamRecorded) >= 2, $"{flow.Code}: several teams");
            Assert.Equal(la.Numerator, teams.Sum(t => t.Numerator));
            if (la.Denominator is not null)
            {
                Assert.Equal(la.Denominator, teams.Sum(t => t.Denominator));
            }

            // Each team's percentage is its own numerator over its own denominator.
            foreach (var team in teams.Where(t => t.Denominator is > 0))
            {
                Assert.Equal(team.Numerator * 100 / team.Denominator, team.Value);
            }
        }
    }

    [Fact]
    public void ComputeByTeam_EverySnapshotMeasureSplitByTeam_TeamsAddUpToTheLaFigure()
    {
        var teamValues = new IndicatorEngine().ComputeByTeam(seeds.Data, [Quarter]);
        foreach (var code in TeamMeasureCatalogue.ByTeam.Keys)
        {
            var la = seeds.Values.Single(v => v.IndicatorCode == code && v.Period == Quarter);
            var teams = teamValues.Where(v => v.IndicatorCode == code).ToList();
            Assert.Equal(la.Numerator, teams.Sum(t => t.Numerator));
            Assert.Equal(la.Denominator, la.Denominator is null ? null : teams.Sum(t => t.Denominator));
        }
    }

    [Fact]
    public void Catalogue_EveryMeasureIsEitherByTeamOrLaOnly()
    {
        Assert.Equal(
            IndicatorCatalogue.All.Select(d => d.Code).Order(StringComparer.Ordinal),
            TeamMeasureCatalogue.ByTeam.Keys.Concat(TeamMeasureCatalogue.LaOnly.Keys).Order(StringComparer.Ordinal));
    }
}
