namespace PerfPipeline.Tests.Reporting;

using System.Globalization;

using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;
using PerfPipeline.Privacy;
using PerfPipeline.Reporting;
using PerfPipeline.Tests.Reliability;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// The optional family identifier (<c>ssd_person.pers_family_id</c>) on the committed seeds: stored only as a pseudonym,
/// read back with the person, and said in a small figure's sentence as "from N families".
/// </summary>
public sealed class CohortFamiliesTests(SeedCaseData seeds) : IClassFixture<SeedCaseData>
{
    private static readonly Period Quarter = Period.Parse("2019-20 Q2");

    // The raw family identifiers of the newest seed batch, person id → family id.
    private static readonly Lazy<Dictionary<string, string>> RawFamilies = new(() =>
        File.ReadAllLines(RepositoryRoot.File("seeds", "extracts", "872", "2019-09-30", "ssd_person.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[4].Length > 0)
            .ToDictionary(f => f[0], f => f[4], StringComparer.Ordinal));

    [Fact]
    public void Load_SeedsWithFamilyIds_StoresEachAsThePseudonymOfItsRawValueAndNoRawValueAnywhere()
    {
        using var pseudonymiser = new Pseudonymiser(seeds.Key);
        var people = seeds.Data.People.ToDictionary(p => p.PersonKey, StringComparer.Ordinal);

        Assert.NotEmpty(RawFamilies.Value);
        foreach (var (person, family) in RawFamilies.Value)
        {
            Assert.Equal(pseudonymiser.Pseudonymise(family), people[pseudonymiser.Pseudonymise(person)].FamilyKey);
        }

        var found = RawIdentifierScan.Find(RawFamilies.Value.Values.ToHashSet(StringComparer.Ordinal), seeds.DatabasePath, [], []);
        Assert.Empty(found);
    }

    [Fact]
    public void Count_SeedsRepeatPlanCohort_CountsTheFamiliesOfTheChildrenTheFigureCounts()
    {
        var value = seeds.Values.Single(v => v.IndicatorCode == IndicatorCodes.CpRepeatPlan2YPct && v.Period == Quarter);

        var sut = CohortFamilies.Count(seeds.Data, Quarter, [IndicatorCodes.CpRepeatPlan2YPct, IndicatorCodes.CicCurrent]);

        Assert.Equal(34m, value.Denominator);
        Assert.Equal(new Dictionary<string, int> { [IndicatorCodes.CpRepeatPlan2YPct] = 18 }, sut);
    }

    [Fact]
    public void Count_NoFamilyIdentifiers_GivesNone()
    {
        var data = seeds.Data with { People = [.. seeds.Data.People.Select(p => p with { FamilyKey = null })] };

        Assert.Empty(CohortFamilies.Count(data, Quarter, [IndicatorCodes.CpRepeatPlan2YPct]));
    }

    [Fact]
    public void Count_AChildOfTheCohortWithoutAFamily_GivesNone()
    {
        var cohortChild = seeds.Data.CpPlans.First(p => Quarter.Contains(p.PlanStartDate)).PersonKey;
        var data = seeds.Data with { People = [.. seeds.Data.People.Select(p => p.PersonKey == cohortChild ? p with { FamilyKey = null } : p)] };

        Assert.Empty(CohortFamilies.Count(data, Quarter, [IndicatorCodes.CpRepeatPlan2YPct]));
    }

    [Fact]
    public async Task ReadAsync_SmallRepeatPlanFigure_SentenceJsonAndPageSayHowManyFamilies()
    {
        var readout = await DashboardQuery.ReadAsync(seeds.Warehouse, "872", Quarter, commentary: null, smallNumberThreshold: 35, TestContext.Current.CancellationToken);

        var sentence = Sentence(readout!.Dashboard);
        Assert.Contains("Based on 34 children from 18 families, so a few children either way", sentence, StringComparison.Ordinal);
        Assert.Contains("Based on 34 children from 18 families", DashboardJson.Serialize(readout.Dashboard), StringComparison.Ordinal);
        Assert.Contains("Based on 34 children from 18 families", DashboardPage.Render(readout.Dashboard, DashboardTrends.Quarterly(readout.Values)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FigureNotSmall_SentenceSaysNothingOfFamilies()
    {
        var readout = await DashboardQuery.ReadAsync(seeds.Warehouse, "872", Quarter, commentary: null, smallNumberThreshold: 30, TestContext.Current.CancellationToken);

        var sentence = Sentence(readout!.Dashboard);
        Assert.DoesNotContain("famil", sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("Based on", sentence, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"(8 of 34)"), sentence, StringComparison.Ordinal);
    }

    private static string Sentence(DashboardDocument dashboard) =>
        dashboard.Items.SelectMany(i => i.Narrative!.WhatItShows).Single(s => s.Code == IndicatorCodes.CpRepeatPlan2YPct).Text;
}
