namespace PerfPipeline.Tests.Indicators;

using nietras.SeparatedValues;

using PerfPipeline.Indicators;

public sealed class IndicatorCatalogueTests
{
    [Fact]
    public void All_FollowsThePublishedDashboardInOrderWithTheTwoRates()
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(RepositoryRoot.File("seeds", "reference", "seed-dashboard.csv"));
        var published = reader.Enumerate(row => (
            Item: row["item"].Parse<int>(), Title: row["item_title"].ToString(), Code: row["indicator"].ToString(),
            Label: row["label"].ToString(), Unit: row["unit"].ToString())).ToList();

        var sut = IndicatorCatalogue.All.Where(d => d.Unit != IndicatorUnit.RatePer10K).ToList();

        Assert.Equal(23, published.Count);
        Assert.Equal(published, sut.Select(d => (d.Item.Number, d.Item.Title, d.Code, d.Label, Unit(d.Unit))));
    }

    [Fact]
    public void All_PutsEachRateLastInItsItem()
    {
        var sut = IndicatorCatalogue.All;

        Assert.Equal(25, sut.Count);
        Assert.Equal(IndicatorCatalogue.All.Select((_, i) => i + 1), sut.Select(d => d.SortOrder));
        Assert.Equal(IndicatorCodes.CpRatePer10K, sut.Last(d => d.Item.Number == 4).Code);
        Assert.Equal(IndicatorCodes.CicRatePer10K, sut.Last(d => d.Item.Number == 5).Code);
        Assert.Equal(Enumerable.Range(1, 8), IndicatorCatalogue.Items.Select(i => i.Number));
    }

    [Fact]
    public void All_ShowsCountsWholeAndEverythingElseToOneDecimal()
    {
        Assert.All(IndicatorCatalogue.All, d => Assert.Equal(d.Unit == IndicatorUnit.Count ? 0 : 1, d.Precision));
    }

    [Fact]
    public void All_CarriesEveryNationalComparatorOfTheReferenceFile()
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(RepositoryRoot.File("seeds", "reference", "comparators.csv"));
        var comparators = reader.Enumerate(row => (Code: row["indicator"].ToString(), Value: row["value"].Parse<decimal>(), Period: row["period"].ToString())).ToList();

        Assert.Equal(10, comparators.Count);
        foreach (var (code, value, period) in comparators)
        {
            var national = IndicatorCatalogue.Get(code).National;
            Assert.NotNull(national);
            Assert.Equal(value, national.Value);
            Assert.Equal(period, national.Period);
        }

        Assert.Equal(comparators.Count, IndicatorCatalogue.All.Count(d => d.National is not null));
    }

    [Fact]
    public void Find_WithAnUnknownCode_IsNull()
    {
        Assert.Null(IndicatorCatalogue.Find("NO_SUCH_MEASURE"));
        Assert.Throws<KeyNotFoundException>(() => IndicatorCatalogue.Get("NO_SUCH_MEASURE"));
    }

    private static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "count",
        IndicatorUnit.Percent => "percent",
        IndicatorUnit.Days => "days",
        _ => "rate_per_10k",
    };
}
