namespace PerfPipeline.Tests.Cli;

using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Cli;
using PerfPipeline.Cli.Commands;
using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

public sealed class ValidateCommandTests : IDisposable
{
    private const string Referrals = "cine_referral_id,cine_person_id,cine_referral_date\nR1,SECRET1,2019-04-02\n";

    private readonly TempDirectory _temp = new();
    private readonly StringWriter _output = new();
    private readonly CliContext _context;

    public ValidateCommandTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [PseudonymisationKey.SettingName] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            })
            .Build();
        _context = new CliContext(
            configuration, new FakeTimeProvider(new DateTimeOffset(2019, 10, 15, 9, 0, 0, TimeSpan.Zero)), CliInvocation.PlainConsole(_output, width: 500), _temp.File("data"));
    }

    [Fact]
    public async Task Validate_AcceptedBatch_ExitsZeroAndWritesReportOutsideBatch()
    {
        var batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_cin_episodes", Referrals);
        batch.Build();
        var before = Directory.GetFiles(batch.Folder).Order(StringComparer.Ordinal).ToList();

        var exitCode = await InvokeAsync("validate", batch.Folder);

        Assert.Equal(0, exitCode);
        Assert.Contains("ACCEPTED", _output.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(batch.Folder).Order(StringComparer.Ordinal).ToList());
        var report = _temp.File("data/reports/872-2019-09-30-errors.json");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("accepted", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Validate_RejectedBatch_ExitsOneWithSummaryAndReport()
    {
        var batch = new BatchBuilder(_temp.File("extracts"))
            .WithDataset("ssd_cin_episodes", "cine_referral_id,cine_person_id,cine_referral_date\nR1,SECRET1,2019-04-02\nR1,SECRET2,not-a-date\n");
        batch.Build();
        var reportPath = _temp.File("out/report.json");

        var exitCode = await InvokeAsync("validate", batch.Folder, "--report", reportPath);

        Assert.Equal(1, exitCode);
        var output = _output.ToString();
        Assert.Contains("REJECTED", output, StringComparison.Ordinal);
        Assert.Contains("duplicate_primary_key (2)", output, StringComparison.Ordinal);
        Assert.Contains(reportPath, output, StringComparison.Ordinal);
        var report = File.ReadAllText(reportPath);
        Assert.Contains("\"verdict\": \"rejected\"", report, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", report + output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FolderNotThere_ExitsTwo()
    {
        Assert.Equal(2, await InvokeAsync("validate", _temp.File("extracts/872/2019-09-30")));
    }

    [Fact]
    public async Task Validate_FolderNotShapedAsBatch_ExitsTwo()
    {
        Directory.CreateDirectory(_temp.File("somewhere"));

        Assert.Equal(2, await InvokeAsync("validate", _temp.File("somewhere")));
    }

    [Fact]
    public async Task Validate_ReportInsideBatchFolder_ExitsTwoAndWritesNothing()
    {
        var batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_cin_episodes", Referrals);
        batch.Build();

        var exitCode = await InvokeAsync("validate", batch.Folder, "--report", Path.Combine(batch.Folder, "errors.json"));

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(Path.Combine(batch.Folder, "errors.json")));
    }

    [Fact]
    public void Validate_NoBatchFolder_IsParseError()
    {
        var root = new RootCommand { ValidateCommand.Create(_context) };

        Assert.NotEmpty(root.Parse(["validate"]).Errors);
    }

    public void Dispose()
    {
        _output.Dispose();
        _temp.Dispose();
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        var root = new RootCommand { ValidateCommand.Create(_context) };
        var parseResult = root.Parse(args);
        Assert.Empty(parseResult.Errors);
        return parseResult.InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
    }
}
