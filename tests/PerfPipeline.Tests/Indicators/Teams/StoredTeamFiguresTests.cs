namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Indicators;
using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Tests.TestSupport;

/// <summary>A load stores the figures by team and the work list beside the LA's values, and reads them back unchanged.</summary>
public sealed class StoredTeamFiguresTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    [Fact]
    public async Task ReadCurrentTeamValues_AfterLoadingTheSeeds_AreTheEnginesFiguresForEveryPeriod()
    {
        var stored = await seeds.Warehouse.ReadCurrentTeamValuesAsync(SeedCaseData.LaCode, TestContext.Current.CancellationToken);
        var computed = new IndicatorEngine().ComputeByTeam(seeds.Data);

        Assert.NotEmpty(stored);
        Assert.Equal(computed.Count, stored.Count);
        var expected = computed.Select(v => (v.TeamKey, v.IndicatorCode, v.Period, v.Numerator, v.Denominator)).ToHashSet();
        Assert.True(expected.SetEquals(stored.Select(v => (v.TeamKey, v.IndicatorCode, v.Period, v.Numerator, v.Denominator))));
        Assert.All(stored.Where(v => v.Value is not null && v.Denominator is > 0), v => Assert.Equal((double)(v.Numerator!.Value * 100 / v.Denominator!.Value), (double)v.Value!.Value, 9));
    }

    [Fact]
    public async Task ReadCurrentWorkList_AfterLoadingTheSeeds_IsTheListAsAtTheNewestBatch()
    {
        var stored = await seeds.Warehouse.ReadCurrentWorkListAsync(SeedCaseData.LaCode, TestContext.Current.CancellationToken);
        var built = new WorkListBuilder().Build(seeds.Data);

        Assert.NotNull(stored);
        Assert.Equal(new DateOnly(2019, 9, 30), stored.AsAt);
        Assert.Equal(built.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal).ThenBy(i => i.Kind), stored.Items.OrderBy(i => i.ItemId, StringComparer.Ordinal).ThenBy(i => i.Kind));
        Assert.Null(await seeds.Warehouse.ReadCurrentWorkListAsync("999", TestContext.Current.CancellationToken));
    }
}
