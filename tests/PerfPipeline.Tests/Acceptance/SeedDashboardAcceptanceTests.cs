namespace PerfPipeline.Tests.Acceptance;

using System.Globalization;
using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Calendar;
using PerfPipeline.Dashboard;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Loading;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The acceptance test: the committed seeds, read, validated, loaded into a fresh SQLite warehouse and
/// computed, give a 2019-20 Q2 dashboard JSON that shows the published figures (rounded to the decimals
/// they are printed with, <c>n/a</c> exactly where published) and the published arrows.
/// </summary>
public sealed class SeedDashboardAcceptanceTests
{
    [Fact]
    public async Task Load_CommittedSeeds_DashboardJsonShowsThePublishedDashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2020, 1, 15, 9, 0, 0, TimeSpan.Zero));
        var warehouse = new SqliteWarehouse(temp.File("perfpipeline.db"), new IndicatorEngine().ComputeAll, time);
        await warehouse.MigrateAsync(cancellationToken);
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = RepositoryRoot.File("seeds", "extracts"),
            ArchiveRoot = temp.File("archive"),
            QuarantineRoot = temp.File("quarantine"),
        });
        var loader = new BatchLoader(source, warehouse, new ExtractReader(TestKeys.NewKey(), time), time);

        var outcomes = await loader.LoadNewBatchesAsync(cancellationToken: cancellationToken);
        var values = await warehouse.ReadCurrentIndicatorValuesAsync("872", cancellationToken);
        var byPeriod = values.ToDictionary(v => (v.IndicatorCode, v.Period));
        var dashboard = DashboardBuilder.Build(
            "872", "Wokingham", Period.Parse("2019-20 Q2"), outcomes.Max(o => o.Batch.AsAt), (code, period) => byPeriod.GetValueOrDefault((code, period)));
        using var json = JsonDocument.Parse(DashboardJson.Serialize(dashboard));

        Assert.Equal(["2018-09-30", "2019-03-31", "2019-09-30"], outcomes.Where(o => o.Kind == LoadOutcomeKind.Loaded).Select(o => o.Batch.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var all = json.RootElement.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray()).ToList();
        var published = PublishedDashboard.Load();

        // The dashboard also carries the two rates per 10,000 children; the published measures keep their order.
        var measures = all.Where(m => published.Any(p => p.Indicator == m.GetProperty("code").GetString())).ToList();
        Assert.Equal(published.Select(p => p.Indicator), measures.Select(m => m.GetProperty("code").GetString()));
        var cicRate = all.Single(m => m.GetProperty("code").GetString() == "CIC_RATE_PER_10K");
        Assert.Equal("31.4", cicRate.GetProperty("current").GetProperty("display").GetString());
        var mismatches = new List<string>();
        foreach (var (expected, measure) in published.Zip(measures))
        {
            Compare(mismatches, expected.Indicator, PublishedDashboard.YearColumn, expected.Year, measure.GetProperty("previous_year"));
            Compare(mismatches, expected.Indicator, PublishedDashboard.LastYearQuarterColumn, expected.LastYearQuarter, measure.GetProperty("same_period_last_year"));
            Compare(mismatches, expected.Indicator, PublishedDashboard.QuarterColumn, expected.Quarter, measure.GetProperty("current"));
            var direction = measure.GetProperty("direction").GetString();
            if (direction != expected.Direction)
            {
                mismatches.Add($"{expected.Indicator} direction: {direction}, published {expected.Direction}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static void Compare(List<string> mismatches, string indicator, string column, string published, JsonElement shown)
    {
        var expected = PublishedDashboard.Expected(indicator, column, published);
        var value = shown.GetProperty("value");
        var actual = expected == "n/a"
            ? shown.GetProperty("display").GetString()
            : PublishedDashboard.AsPublished(value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal(), expected);
        if (actual != expected)
        {
            mismatches.Add($"{indicator} {column}: {actual} (display {shown.GetProperty("display").GetString()}), published {expected}");
        }
    }
}
