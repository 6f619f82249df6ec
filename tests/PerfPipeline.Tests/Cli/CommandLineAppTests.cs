namespace PerfPipeline.Tests.Cli;

using System.Globalization;
using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Cli;
using PerfPipeline.Tests.TestSupport;

/// <summary>The <c>run</c>, <c>loads</c> and <c>replay</c> commands on batches in temp folders.</summary>
public sealed class CommandLineAppTests : IDisposable
{
    private const string ReferralHeader = "cine_referral_id,cine_person_id,cine_referral_date";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public CommandLineAppTests()
    {
        new BatchBuilder(Extracts)
            .WithDataset("ssd_person", "pers_person_id,pers_sex,pers_dob\n1001,F,2012-03-14\n1002,M,2015-11-02\n")
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\nR2,1002,2019-08-12\nR3,1002,2019-09-05\n")
            .Build();
    }

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task Run_NewBatch_LoadsItAndPrintsRowsPerDataset()
    {
        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("872/2019-09-30  loaded", output, StringComparison.Ordinal);
        Assert.Matches(@"ssd_person\s+2\s+2\s+0", output);
        Assert.Matches(@"ssd_cin_episodes\s+3\s+3\s+0", output);
        Assert.Contains("Loaded 1, rejected 0, failed 0; 0 already loaded.", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Database));
    }

    [Fact]
    public async Task Run_OutputRedirected_PrintsAPlainLinePerBatchAndFileAndTimingsWhenAsked()
    {
        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database, "--timings");

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Equal(
            ["[1/1] 872/2019-09-30: reading manifest.json", "[1/1] 872/2019-09-30: reading ssd_person.csv",
             "[1/1] 872/2019-09-30: reading ssd_cin_episodes.csv", "[1/1] 872/2019-09-30: archiving", "[1/1] 872/2019-09-30: loading into the warehouse"],
            lines.Where(l => l.StartsWith("[1/1]", StringComparison.Ordinal)));
        Assert.Matches(@"seconds\s+read and validate\s+archive\s+load\s+indicators\s+indicator write\s+total", output);
        Assert.Matches(@"872/2019-09-30(\s+\d+\.\d\d){6}", output);
        Assert.Matches(@"all(\s+\d+\.\d\d){6}", output);
    }

    [Fact]
    public async Task Run_WithoutTimings_PrintsNoTimings()
    {
        var (_, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.DoesNotContain("read and validate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CopyOfTheShippedSeedBatch_LoadsEveryRowItsManifestLists()
    {
        var seed = RepositoryRoot.File("seeds", "extracts", "872", "2019-09-30");
        var copy = Directory.CreateDirectory(_temp.File("seed-extracts", "872", "2019-09-30")).FullName;
        foreach (var file in Directory.EnumerateFiles(seed))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var (exitCode, output) = await InvokeAsync("run", "--extracts", _temp.File("seed-extracts"), "--db", Database);

        Assert.Equal(0, exitCode);
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(copy, "manifest.json"), TestContext.Current.CancellationToken));
        foreach (var dataset in manifest.RootElement.GetProperty("datasets").EnumerateArray())
        {
            var rows = dataset.GetProperty("rows").GetInt64().ToString("N0", CultureInfo.InvariantCulture);
            Assert.Matches($@"{dataset.GetProperty("name").GetString()}\s+{rows}\s+{rows}\s+0", output);
        }
    }

    [Fact]
    public async Task Run_WithoutDb_KeepsTheWarehouseArchiveAndKeyInTheDataFolder()
    {
        var (exitCode, _) = await InvokeAsync("run", "--extracts", Extracts);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(_temp.File("data", "perfpipeline.db")));
        Assert.True(File.Exists(_temp.File("data", "pseudonymisation.key")));
        Assert.Single(Directory.GetDirectories(_temp.File("data", "archive", "872", "2019-09-30")));
    }

    [Fact]
    public async Task Run_Twice_SecondRunSaysNothingIsNew()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("No new batches: 1 already loaded.", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RejectedBatch_ExitsWithOne()
    {
        new BatchBuilder(Extracts, "872", "2019-10-14")
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\nR4,1004,2019-99-01\n")
            .Build();

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(1, exitCode);
        Assert.Contains("872/2019-10-14  rejected", output, StringComparison.Ordinal);
        Assert.Contains("872/2019-09-30  loaded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loads_AfterRun_ListsTheLoadWithItsCounts()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("loads", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"872-20190930-[0-9a-f]{16}\s+loaded\s+2019-10-15 12:00:00\s+1\s+5\s+5\s+0", output);
        Assert.Equal("No loads.", (await InvokeAsync("loads", "--status", "failed", "--db", Database)).Output.Trim());
    }

    [Fact]
    public async Task Loads_AfterARejectedBatch_ListsItFromTheQuarantineWithItsReason()
    {
        new BatchBuilder(Extracts, "872", "2019-10-14")
            .WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,1001,2019-07-03\nR4,1004,2019-99-01\n")
            .Build();
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("loads", "--db", Database);
        var rejected = (await InvokeAsync("loads", "--status", "rejected", "--db", Database)).Output;

        Assert.Equal(0, exitCode);
        Assert.Matches(@"872-20191014-[0-9a-f]{16}\s+rejected\s+.*\s+2\s+1\s+1\s+ssd_cin_episodes", output);
        Assert.Matches(@"872-20190930-[0-9a-f]{16}\s+loaded", output);
        Assert.Contains("872-20191014-", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("872-20190930-", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_LoadedLoad_ReloadsItFromTheArchive()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var loadId = Path.GetFileName(Assert.Single(Directory.GetDirectories(_temp.File("data", "archive", "872", "2019-09-30"))));

        var (exitCode, output) = await InvokeAsync("replay", loadId, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains($"872/2019-09-30  loaded  load {loadId}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_CopyPastTheRetention_DryRunListsItPurgeRemovesItAndReplaySaysSo()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var archived = Assert.Single(Directory.GetDirectories(_temp.File("data", "archive", "872", "2019-09-30")));
        var loadId = Path.GetFileName(archived);
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMonths(13).AddDays(2));

        var dryRun = await CliInvocation.InvokeAsync(["purge", "--dry-run", "--db", Database], _temp.File("data"), later, width: 200);
        var stillThere = Directory.Exists(archived);
        var purge = await CliInvocation.InvokeAsync(["purge", "--db", Database], _temp.File("data"), later, width: 200);
        var replay = await CliInvocation.InvokeAsync(["replay", loadId, "--db", Database], _temp.File("data"), later, width: 200);

        Assert.Equal((0, 0), (dryRun.ExitCode, purge.ExitCode));
        Assert.Matches($@"archive\s+872/2019-09-30\s+{loadId}", dryRun.Output);
        Assert.Contains("Would purge 1 copies written before", dryRun.Output, StringComparison.Ordinal);
        Assert.True(stillThere);
        Assert.Contains("Purged 1 copies written before", purge.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(archived));
        Assert.Equal(1, replay.ExitCode);
        Assert.Contains($"872/2019-09-30  copy purged  load {loadId}", replay.Output, StringComparison.Ordinal);
        Assert.Contains("it can no longer be replayed", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_NothingPastTheRetention_SaysSoAndKeepsTheCopy()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        var (exitCode, output) = await InvokeAsync("purge", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("Nothing to purge: no copy was written before 2018-09-15 12:00 UTC (kept 13 months).", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetDirectories(_temp.File("data", "archive", "872", "2019-09-30")));
    }

    [Fact]
    public async Task Replay_AsCurrent_RestoresTheEarlierReferralsOverAHeaderOnlyBatchAcceptedOnPurpose()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var earlier = Path.GetFileName(Assert.Single(Directory.GetDirectories(_temp.File("data", "archive", "872", "2019-09-30"))));
        new BatchBuilder(Extracts, "872", "2019-10-14").WithDataset("ssd_cin_episodes", $"{ReferralHeader}\n").Build();
        var held = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var accepted = await InvokeAsync("run", "--extracts", Extracts, "--db", Database, "--accept-shrink");

        var (exitCode, output) = await InvokeAsync("replay", earlier, "--as-current", "--db", Database);

        Assert.Equal((1, 0, 0), (held.ExitCode, accepted.ExitCode, exitCode));
        Assert.Matches(@"ssd_cin_episodes\s+0\s+0\s+0", accepted.Output);
        Assert.Contains($"872/2019-09-30  loaded  load {earlier}", output, StringComparison.Ordinal);
        Assert.Matches(@"ssd_cin_episodes\s+3\s+3\s+0", output);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM fact_referral";
        Assert.Equal(3L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("replay", "872-20190930-0123456789abcdef", "--failed")]
    [InlineData("replay", "--failed", "--as-current")]
    [InlineData("loads", "--status", "sideways")]
    public async Task Invoke_UsageError_ExitsWithTwo(params string[] args)
    {
        var (exitCode, _) = await InvokeAsync(args);

        Assert.Equal(2, exitCode);
    }

    public void Dispose() => _temp.Dispose();

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 200);
}
