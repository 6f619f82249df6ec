namespace PerfPipeline.Tests.Cli;

using System.Security.Cryptography;
using System.Text.Json;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Privacy;
using PerfPipeline.Tests.TestSupport;

/// <summary><c>perfpipeline manifest</c>: a folder of exported CSVs becomes a loadable batch.</summary>
public sealed class ManifestCommandTests : IDisposable
{
    private const string Referrals = "cine_referral_id,cine_person_id,cine_referral_date,cine_referral_team\n";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly IConfiguration _configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PseudonymisationKey.SettingName] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        })
        .Build();

    private string Batch => _temp.File("extracts", "872", "2019-09-30");

    private string Manifest => Path.Combine(Batch, "manifest.json");

    [Fact]
    public async Task Manifest_SeedCsvsWithoutTheirManifest_WritesTheSameDatasetsRowsAndChecksums()
    {
        var seed = RepositoryRoot.File("seeds", "extracts", "872", "2019-09-30");
        Directory.CreateDirectory(Batch);
        foreach (var csv in Directory.EnumerateFiles(seed, "*.csv"))
        {
            File.Copy(csv, Path.Combine(Batch, Path.GetFileName(csv)));
        }

        var (exitCode, output) = await InvokeAsync("manifest", Batch, "--la-name", "Wokingham", "--source-system", "Mosaic", "--ssd-version", "1.4.5");

        Assert.Equal(0, exitCode);
        Assert.Contains("ACCEPTED", output, StringComparison.Ordinal);
        using var written = JsonDocument.Parse(File.ReadAllBytes(Manifest));
        using var shipped = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(seed, "manifest.json")));
        Assert.Equal(shipped.RootElement.GetProperty("datasets").GetRawText(), written.RootElement.GetProperty("datasets").GetRawText());
        Assert.Equal("Mosaic", written.RootElement.GetProperty("source_system").GetString());
        Assert.Equal("1.4.5", written.RootElement.GetProperty("ssd_version").GetString());
        Assert.Equal("872", written.RootElement.GetProperty("la_code").GetString());
    }

    [Fact]
    public async Task Manifest_ThenRun_LoadsTheBatch()
    {
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,MASH\nR2,P2,2019-05-02,MASH\n");

        Assert.Equal(0, (await InvokeAsync("manifest", Batch)).ExitCode);
        var (exitCode, output) = await InvokeAsync("run", "--extracts", _temp.File("extracts"), "--db", _temp.File("data", "warehouse.db"));

        Assert.Equal(0, exitCode);
        Assert.Contains("872/2019-09-30", output, StringComparison.Ordinal);
        Assert.Contains("loaded", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Manifest_QuotedLineBreak_CountsRecordsAsTheReaderDoes()
    {
        // Three lines of data, two records: the team name holds a line break inside its quotes.
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,\"MASH\nEast\"\nR2,P2,2019-05-02,MASH\n");

        var (exitCode, _) = await InvokeAsync("manifest", Batch);

        Assert.Equal(0, exitCode);
        var dataset = Assert.Single(ManifestDatasets());
        Assert.Equal(2, dataset.GetProperty("rows").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Batch, "ssd_cin_episodes.csv")))), dataset.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Manifest_OtherFiles_AreNotListedAndAreNamed()
    {
        Write("SSD_CIN_EPISODES.csv", Referrals + "R1,P1,2019-04-02,MASH\n");
        Write("ssd_address.csv", "addr_address_id,addr_address_json\n1,somewhere\n");
        Write("notes.txt", "exported by hand\n");
        Write("referrals_copy.csv", "x\n");
        Write("ssd_referrals_2019.csv", "x\n");

        var (exitCode, output) = await InvokeAsync("manifest", Batch);

        Assert.Equal(0, exitCode);
        var dataset = Assert.Single(ManifestDatasets());
        Assert.Equal("ssd_cin_episodes", dataset.GetProperty("name").GetString());
        Assert.Equal("SSD_CIN_EPISODES.csv", dataset.GetProperty("file").GetString());
        Assert.Contains("ssd_address.csv: an SSD table the indicators do not use", output, StringComparison.Ordinal);
        Assert.Contains("notes.txt: not listed (not a CSV file)", output, StringComparison.Ordinal);
        Assert.Contains("referrals_copy.csv: not listed (no contract dataset has this name)", output, StringComparison.Ordinal);
        Assert.Contains("ssd_referrals_2019.csv: not listed (no contract dataset has this name)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manifest_DepartmentList_IsListedAsAContractDatasetLoadedAndArchived()
    {
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,40\n");
        Write("ssd_department.csv", "dept_team_id,dept_team_name,dept_team_parent_id,dept_team_parent_name\n40,Front Door,10,Children's Social Care\n10,Children's Social Care,NULL,NULL\n");

        var (exitCode, output) = await InvokeAsync("manifest", Batch);
        var (runExit, runOutput) = await InvokeAsync("run", "--extracts", _temp.File("extracts"), "--db", _temp.File("data", "warehouse.db"));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("ssd_department.csv: an SSD table the indicators do not use", output, StringComparison.Ordinal);
        var departments = Assert.Single(ManifestDatasets(), d => d.GetProperty("name").GetString() == "ssd_department");
        Assert.Equal(("ssd_department.csv", 2L), (departments.GetProperty("file").GetString(), departments.GetProperty("rows").GetInt64()));
        Assert.True(runExit == 0, runOutput);
        var archived = Directory.EnumerateFiles(_temp.File("data", "archive"), "*.csv", SearchOption.AllDirectories).Select(Path.GetFileName);
        Assert.Contains("ssd_department.csv", archived);
    }

    [Fact]
    public async Task Manifest_ExistingManifest_IsKeptUnlessForced()
    {
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,MASH\n");
        Write("manifest.json", "{}");

        Assert.Equal(2, (await InvokeAsync("manifest", Batch)).ExitCode);
        Assert.Equal("{}", File.ReadAllText(Manifest));

        Assert.Equal(0, (await InvokeAsync("manifest", Batch, "--force")).ExitCode);
        Assert.Equal(1, Assert.Single(ManifestDatasets()).GetProperty("rows").GetInt64());
    }

    [Theory]
    [InlineData("--la", "871")]
    [InlineData("--as-at", "2019-10-31")]
    [InlineData("--as-at", "30/09/2019")]
    public async Task Manifest_FlagsThatContradictTheFolder_AreAUsageErrorAndWriteNothing(string flag, string value)
    {
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,MASH\n");

        var (exitCode, output) = await InvokeAsync("manifest", Batch, flag, value);

        Assert.Equal(2, exitCode);
        Assert.Contains("does not match the folder", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Manifest));
    }

    [Fact]
    public async Task Manifest_FolderNotLaidOutAsABatch_IsAUsageError()
    {
        var folder = _temp.File("exports");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "ssd_cin_episodes.csv"), Referrals);

        var (exitCode, output) = await InvokeAsync("manifest", folder, "--la", "872", "--as-at", "2019-09-30");

        Assert.Equal(2, exitCode);
        Assert.Contains("Not a batch folder", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "manifest.json")));
    }

    [Fact]
    public async Task Manifest_NoDatasetFile_ExitsOneAndWritesNothing()
    {
        Write("ssd_address.csv", "addr_address_id\n1\n");

        var (exitCode, output) = await InvokeAsync("manifest", Batch);

        Assert.Equal(1, exitCode);
        Assert.Contains("No file in the folder is a contract dataset", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Manifest));
    }

    [Fact]
    public async Task Manifest_RowErrors_ManifestWrittenAndCheckReportsTheRejection()
    {
        Write("ssd_cin_episodes.csv", Referrals + "R1,P1,2019-04-02,MASH\nR1,P2,not-a-date,MASH\n");

        var (exitCode, output) = await InvokeAsync("manifest", Batch);

        Assert.Equal(1, exitCode);
        Assert.Contains("REJECTED", output, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(ManifestDatasets()).GetProperty("rows").GetInt64());
    }

    public void Dispose() => _temp.Dispose();

    private void Write(string file, string text)
    {
        Directory.CreateDirectory(Batch);
        File.WriteAllText(Path.Combine(Batch, file), text);
    }

    private List<JsonElement> ManifestDatasets()
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Manifest));
        return [.. json.RootElement.GetProperty("datasets").EnumerateArray().Select(e => e.Clone())];
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync([.. args, .. args[0] == "run" ? Array.Empty<string>() : ["--db", _temp.File("data", "warehouse.db")]], _temp.File("data"), _clock, configuration: _configuration);
}
