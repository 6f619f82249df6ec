namespace PerfPipeline.Tests.Extracts;

using System.Text.Json;

using PerfPipeline.Extracts;

public sealed class ValidationReportTests : ExtractReaderTestBase
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";

    [Fact]
    public async Task Create_RejectedBatch_JsonHasCountsIssuesAndVerdict()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02\nR2,P2,bad\nR3,,2019-04-02\n");
        var extract = await ReadAsync();

        var sut = ValidationReport.Create(Batch.Build(), extract);

        using var json = JsonDocument.Parse(sut.Json);
        var root = json.RootElement;
        Assert.Equal("872", root.GetProperty("la_code").GetString());
        Assert.Equal("2019-09-30", root.GetProperty("as_at").GetString());
        Assert.Equal("rejected", root.GetProperty("verdict").GetString());
        Assert.Equal(extract.RejectionReason, root.GetProperty("reason").GetString());
        var dataset = Assert.Single(root.GetProperty("datasets").EnumerateArray());
        Assert.Equal((3, 1, 2), (dataset.GetProperty("rows_read").GetInt32(), dataset.GetProperty("rows_accepted").GetInt32(), dataset.GetProperty("rows_rejected").GetInt32()));
        var issues = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(extract.Issues.Count, issues.Count);
        var unparseable = issues.Single(i => i.GetProperty("rule").GetString() == "unparseable_date");
        Assert.Equal("row_error", unparseable.GetProperty("severity").GetString());
        Assert.Equal("ssd_cin_episodes", unparseable.GetProperty("dataset").GetString());
        Assert.Equal(2, unparseable.GetProperty("row").GetInt32());
        Assert.Equal("cine_referral_date", unparseable.GetProperty("column").GetString());
        Assert.Equal("bad", unparseable.GetProperty("value").GetString());
        Assert.False(string.IsNullOrEmpty(unparseable.GetProperty("reason").GetString()));
        Assert.Contains(issues, i => i.GetProperty("severity").GetString() == "file_error" && i.GetProperty("row").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Create_ManyIssuesOfOneRule_SummaryShowsFirstFewAndCounts()
    {
        var rows = Enumerable.Range(1, 12).Select(n => $"R{n},P{n},bad{n}");
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\n{string.Join("\n", rows)}\n");
        var extract = await ReadAsync();

        var sut = ValidationReport.Create(Batch.Build(), extract, issuesPerRule: 3);

        Assert.Contains("unparseable_date (12)", sut.Summary, StringComparison.Ordinal);
        Assert.Contains("'bad3'", sut.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("'bad4'", sut.Summary, StringComparison.Ordinal);
        Assert.Contains("and 9 more", sut.Summary, StringComparison.Ordinal);
        Assert.Matches(@"ssd_cin_episodes\s+12\s+0\s+12", sut.Summary);
        Assert.Contains("Verdict: rejected", sut.Summary, StringComparison.Ordinal);
        Assert.Contains(extract.RejectionReason!, sut.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AcceptedBatch_SaysAccepted()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02\n");
        var extract = await ReadAsync();

        var sut = ValidationReport.Create(Batch.Build(), extract);

        Assert.Contains("Verdict: accepted", sut.Summary, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(sut.Json);
        Assert.Equal("accepted", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("reason").ValueKind);
    }
}
