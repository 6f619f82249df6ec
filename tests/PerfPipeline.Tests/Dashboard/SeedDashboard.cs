namespace PerfPipeline.Tests.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Dashboard;
using PerfPipeline.Generation;
using PerfPipeline.Generation.Profile;
using PerfPipeline.Indicators;

/// <summary>
/// The seeds' dashboard for the published period (2019-20 Q2) and every measure's quarterly trend, computed once
/// from the Wokingham profile the seed extracts are generated from.
/// </summary>
internal static class SeedDashboard
{
    public static readonly Period PublishedPeriod = Period.Parse("2019-20 Q2");

    private static readonly Lazy<(DashboardDocument Document, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> Trends)> Computed = new(Compute);

    public static DashboardDocument Document => Computed.Value.Document;

    public static IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> Trends => Computed.Value.Trends;

    private static (DashboardDocument, IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>>) Compute()
    {
        var world = SeedGenerator.Generate(SeedProfileJson.Load(RepositoryRoot.File("seeds", "profiles", "wokingham-2019-20-q2.json")));
        var data = AsAtCut.Loaded(world) with { Population = PopulationReference.ForLa(world.LaCode) };
        var values = new IndicatorEngine().ComputeAll(data);
        var byKey = values.ToDictionary(v => (v.IndicatorCode, v.Period));
        var document = DashboardBuilder.Build(
            world.LaCode, world.LaName, PublishedPeriod, PublishedPeriod.End, (code, period) => byKey.GetValueOrDefault((code, period)));
        return (document, DashboardTrends.Quarterly(values));
    }
}
