namespace PerfPipeline.Tests.Reliability;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Privacy;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;

/// <summary>The smaller faults of the hardening issue: keys, missing files, manifest errors in plain words.</summary>
public sealed class SmallerFaultsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Validate_WithDb_UsesTheKeyBesideThatWarehouse()
    {
        var batch = new BatchBuilder(_temp.File("extracts")).WithDataset("ssd_person", "pers_person_id,pers_dob\n1001,2010-01-01\n").Build();
        var database = _temp.File("warehouse", "perfpipeline.db");

        var (exitCode, _) = await CliInvocation.InvokeAsync(
            ["validate", Path.Combine(_temp.File("extracts"), batch.Path), "--db", database], _temp.File("default-data"), _clock);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(_temp.File("warehouse", PseudonymisationKey.KeyFileName)));
        Assert.False(File.Exists(_temp.File("default-data", PseudonymisationKey.KeyFileName)));
    }

    [Fact]
    public async Task EmptyKeyFile_IsOnePlainErrorNamingTheFile()
    {
        var keyFile = _temp.File("data", PseudonymisationKey.KeyFileName);
        Directory.CreateDirectory(_temp.File("data"));
        await File.WriteAllTextAsync(keyFile, string.Empty, Ct);

        var error = Assert.Throws<InvalidDataException>(() => PseudonymisationKey.LoadOrCreate(keyFile));

        Assert.Contains(keyFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("Restore it from its backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Empty, await File.ReadAllTextAsync(keyFile, Ct)); // never replaced by a new key
    }

    [Fact]
    public async Task MissingListedFile_IsOneErrorNotAWarningPerRowThatRefersToIt()
    {
        var rows = string.Concat(Enumerable.Range(1, 300).Select(i => $"R{i},{1000 + i},2019-08-01\n"));
        new BatchBuilder(_temp.File("extracts"))
            .WithListedButMissingFile("ssd_person", "ssd_person.csv")
            .WithDataset("ssd_cin_episodes", "cine_referral_id,cine_person_id,cine_referral_date\n" + rows)
            .Build();

        var extract = await Reader().ReadAsync(Source(), new BatchLocation("872", new DateOnly(2019, 9, 30)), Ct);

        var issue = Assert.Single(extract.Issues);
        Assert.Equal(ValidationRule.FileMissing, issue.Rule);
    }

    [Theory]
    [InlineData("""{"la_code":"872","la_name":"W","as_at":5,"datasets":[]}""", "as_at must be a date written yyyy-MM-dd")]
    [InlineData("""{"la_code":"872","la_name":"W","as_at":"2019-09-30","datasets":[{"name":"ssd_person","file":"p.csv","rows":"ten"}]}""", "must be a whole number")]
    [InlineData("""{"la_code":872,"la_name":"W","as_at":"2019-09-30","datasets":[]}""", "la_code must be text")]
    [InlineData("""{"la_code":"872",""", "not valid JSON")]
    public async Task ManifestOfTheWrongShape_SaysWhatIsWrongWithoutDotNetTypeNames(string manifest, string expected)
    {
        new BatchBuilder(_temp.File("extracts")).WithManifestJson(manifest).Build();

        var extract = await Reader().ReadAsync(Source(), new BatchLocation("872", new DateOnly(2019, 9, 30)), Ct);

        var issue = Assert.Single(extract.Issues);
        Assert.Contains(expected, issue.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", issue.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private ExtractReader Reader() => new(TestKeys.NewKey(), _clock);

    private LocalFolderBatchSource Source() => new(new LocalFolderBatchSourceOptions { ExtractsRoot = _temp.File("extracts") });
}
