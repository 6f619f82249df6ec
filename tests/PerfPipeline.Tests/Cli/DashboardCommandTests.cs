namespace PerfPipeline.Tests.Cli;

using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Tests.Acceptance;
using PerfPipeline.Tests.TestSupport;

/// <summary>The <c>dashboard</c> command and the dashboard <c>run</c> prints, on a real SQLite warehouse.</summary>
public sealed class DashboardCommandTests : IDisposable
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public DashboardCommandTests()
    {
        // 872 as at 2019-09-30: three referrals in 2019-20 Q2 (R3 repeats R2), one in 2018-19 Q2.
        new BatchBuilder(Extracts)
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR0,1003,2018-08-01\nR1,1001,2019-07-03\nR2,1002,2019-08-12\nR3,1002,2019-09-05\n")
            .Build();

        // 873 as at 2019-06-30: an older batch of another LA.
        new BatchBuilder(Extracts, "873", "2019-06-30")
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nS1,2001,2019-05-03\n")
            .Build();
    }

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task Dashboard_Json_ShowsTheNewestLasLatestCompleteQuarterFromTheWarehouse()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("dashboard", "--format", "json", "--db", Database);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(("872", "Wokingham", "2019-20 Q2", "2019-09-30"), (Text(root, "la_code"), Text(root, "la_name"), Text(root, "period"), Text(root, "data_as_at")));
        var referrals = Measure(root, "CSC_REFERRALS");
        Assert.Equal(("3", "1", "1", "up"), (
            Text(referrals.GetProperty("current"), "display"), Text(referrals.GetProperty("same_period_last_year"), "display"),
            Text(referrals.GetProperty("previous_year"), "display"), Text(referrals, "direction")));
        Assert.Equal("33.3", Text(Measure(root, "CSC_REREFERRALS_12M_PCT").GetProperty("current"), "display"));
    }

    [Fact]
    public async Task Dashboard_WithLaAndPeriod_ShowsThatLaAndPeriod()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        using var other = JsonDocument.Parse((await InvokeAsync("dashboard", "--la", "873", "--format", "json", "--db", Database)).Output);
        using var month = JsonDocument.Parse((await InvokeAsync("dashboard", "--period", "2019-09", "--format", "json", "--db", Database)).Output);

        Assert.Equal(("873", "2019-20 Q1", "2019-06-30"), (Text(other.RootElement, "la_code"), Text(other.RootElement, "period"), Text(other.RootElement, "data_as_at")));
        Assert.Equal("1", Text(Measure(other.RootElement, "CSC_REFERRALS").GetProperty("current"), "display"));
        Assert.Equal("2019-09", Text(month.RootElement, "period"));
        Assert.Equal("1", Text(Measure(month.RootElement, "CSC_REFERRALS").GetProperty("current"), "display"));
    }

    [Fact]
    public async Task Dashboard_Table_LaysOutEachItemWithThreeColumnsAndArrows()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("dashboard", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("Wokingham (872): children's services dashboard, 2019-20 Q2, data as at 2019-09-30", output, StringComparison.Ordinal);
        Assert.Matches(@"2018-19\s+2018-19 Q2\s+2019-20 Q2\s+target\s+RAG\s+England", output);
        Assert.Matches(@"3\s+Children's Social Care Front Door", output);
        Assert.Matches(@"No\. of referrals to CSC\s+1\s+1\s+3\s+↑", output);
        Assert.Matches(@"% of referrals to CSC which are repeat referrals within 12 months\s+0\.0% †1\s+0\.0% †2\s+33\.3% †3\s+↑\s+21\.9% \(England 2018-19\)", output);
        Assert.Contains("†3 Small number: % of referrals to CSC which are repeat referrals within 12 months, 33.3% is 1 of 3, fewer than 30 cases.", output, StringComparison.Ordinal);
        Assert.Matches(@"No\. of referrals to Early Help\s+n/a\s+n/a\s+n/a", output);
    }

    [Fact]
    public async Task Dashboard_Html_IsThePage()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("dashboard", "--format", "html", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("2019-20 Q2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_UnknownLaOrEmptyWarehouse_ExitsWithOne()
    {
        var empty = await InvokeAsync("dashboard", "--db", Database);
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var unknown = await InvokeAsync("dashboard", "--la", "999", "--db", Database);

        Assert.Equal((1, "No loads yet: run first."), (empty.ExitCode, empty.Output.Trim()));
        Assert.Equal((1, "No loads for LA 999."), (unknown.ExitCode, unknown.Output.Trim()));
    }

    [Theory]
    [InlineData("--period", "2019-13")]
    [InlineData("--period", "2019-20 Q5")]
    [InlineData("--format", "pdf")]
    public async Task Dashboard_MalformedOption_IsAUsageError(string option, string value)
    {
        var (exitCode, _) = await InvokeAsync("dashboard", option, value, "--db", Database);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Run_WithJsonAndPeriod_PrintsThatPeriodAndWritesItsJson()
    {
        var file = _temp.File("out", "dashboard.json");

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database, "--period", "2018-19 Q2", "--json", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("Wokingham (872): children's services dashboard, 2018-19 Q2", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
        Assert.Equal("2018-19 Q2", Text(json.RootElement, "period"));
        Assert.Equal("1", Text(Measure(json.RootElement, "CSC_REFERRALS").GetProperty("current"), "display"));
    }

    [Fact]
    public async Task Run_OnTheShippedSeeds_PrintsThePublishedDashboard()
    {
        var (exitCode, _) = await InvokeAsync("run", "--extracts", RepositoryRoot.File("seeds", "extracts"), "--db", Database);
        var (_, output) = await InvokeAsync("dashboard", "--format", "json", "--db", Database);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2019-20 Q2", Text(json.RootElement, "period"));
        var mismatches = new List<string>();
        foreach (var published in PublishedDashboard.Load())
        {
            var measure = Measure(json.RootElement, published.Indicator);
            foreach (var (column, figure, shown) in new[]
            {
                (PublishedDashboard.YearColumn, published.Year, measure.GetProperty("previous_year")),
                (PublishedDashboard.LastYearQuarterColumn, published.LastYearQuarter, measure.GetProperty("same_period_last_year")),
                (PublishedDashboard.QuarterColumn, published.Quarter, measure.GetProperty("current")),
            })
            {
                var expected = PublishedDashboard.Expected(published.Indicator, column, figure);
                var value = shown.GetProperty("value");
                var actual = PublishedDashboard.AsPublished(value.ValueKind == JsonValueKind.Null ? null : value.GetDecimal(), expected);
                if (actual != expected)
                {
                    mismatches.Add($"{published.Indicator} {column}: {actual}, published {expected}");
                }
            }

            if (Text(measure, "direction") != published.Direction)
            {
                mismatches.Add($"{published.Indicator} direction: {Text(measure, "direction")}, published {published.Direction}");
            }
        }

        Assert.Empty(mismatches);
    }

    public void Dispose() => _temp.Dispose();

    private static JsonElement Measure(JsonElement dashboard, string code) =>
        dashboard.GetProperty("items").EnumerateArray().SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == code);

    private static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
