namespace PerfPipeline.Tests.Reference;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Reference files beside the batches and <c>reference import|show</c>, end to end: an LA other than Wokingham
/// (999) with three children on a plan and two in care at 2019-09-30, its rates from its own estimates.
/// </summary>
public sealed class ReferenceCommandTests : IDisposable
{
    private static readonly Period Q2 = Period.Quarter(2019, 2);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public ReferenceCommandTests()
    {
        new BatchBuilder(Extracts, laCode: "999")
            .WithDataset("ssd_person", "pers_person_id,pers_sex,pers_dob\n1,F,2012-03-14\n2,M,2015-11-02\n3,F,2010-01-20\n")
            .WithDataset(
                "ssd_cp_plans",
                "cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nCP1,1,2019-05-01,\nCP2,2,2019-06-10,\nCP3,3,2019-07-22,\n")
            .WithDataset(
                "ssd_cla_episodes",
                "clae_cla_episode_id,clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date\nE1,1,C1,2019-04-02,\nE2,3,C2,2019-08-01,\n")
            .Build();
    }

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task Run_NationalPopulationFile_RatesUseTheLasOwnEstimate()
    {
        WriteReference("reference", "population.csv", "la_code,year,population_0_17\n872,2019,36300\n999,2018,19000\n999,2019,20000\n");

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("reference/population.csv  imported  3 rows", output, StringComparison.Ordinal);
        var cp = await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2);
        Assert.Equal(3m * 10_000 / 20_000, cp.Value);
        Assert.Equal(20_000m, cp.Denominator);
        Assert.Contains("reference/population.csv (national", cp.Basis, StringComparison.Ordinal);
        Assert.Equal(2m * 10_000 / 20_000, (await ValueAsync("999", IndicatorCodes.CicRatePer10K, Q2)).Value);

        // 2019-20 Q1 ends on 30 June 2019 exactly: the 2019 estimate; May 2019 still the 2018 one.
        Assert.Equal(19_000m, (await ValueAsync("999", IndicatorCodes.CpRatePer10K, Period.Month(2019, 5))).Denominator);
    }

    [Fact]
    public async Task Run_LaOwnPopulationFile_WinsOverTheNationalFile()
    {
        WriteReference("reference", "population.csv", "la_code,year,population_0_17\n999,2019,20000\n");
        WriteReference("999/reference", "population.csv", "la_code,year,population_0_17\n999,2019,30000\n");

        var (exitCode, _) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        var cp = await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2);
        Assert.Equal(1m, cp.Value);
        Assert.Contains("999/reference/population.csv (la", cp.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoEstimateForTheLa_RateIsNotAvailableWithTheReasonNeverAnotherLasFigure()
    {
        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        var cp = await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2);
        Assert.Null(cp.Value);
        Assert.Null(cp.Denominator);
        Assert.Equal(3m, cp.Numerator);
        Assert.Equal("no population estimate for LA 999, year 2019", cp.Reason);
        Assert.Contains("CP_RATE_PER_10K 2019-20 Q2: n/a, no population estimate for LA 999, year 2019.", output, StringComparison.Ordinal);

        var (_, json) = await InvokeAsync("dashboard", "--la", "999", "--format", "json", "--db", Database);
        var current = Measure(json, IndicatorCodes.CicRatePer10K).GetProperty("current");
        Assert.Equal(JsonValueKind.Null, current.GetProperty("value").ValueKind);
        Assert.Equal("no population estimate for LA 999, year 2019", current.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ReferenceImport_ChangedPopulation_RecomputesStoredValuesAndTheDashboardUnderALoadNamingTheImport()
    {
        WriteReference("reference", "population.csv", "la_code,year,population_0_17\n999,2019,20000\n");
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var changed = WriteReference("reference", "population.csv", "la_code,year,population_0_17\n999,2019,25000\n");

        var (exitCode, output) = await InvokeAsync("reference", "import", changed, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Import (ref-\d{6}-[0-9a-f]{12}): 1 file\(s\); recomputed 1 LA\(s\)", output);
        var importId = System.Text.RegularExpressions.Regex.Match(output, @"ref-\d{6}-[0-9a-f]{12}").Value;
        Assert.Equal(3m * 10_000 / 25_000, (await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2)).Value);
        var (_, json) = await InvokeAsync("dashboard", "--la", "999", "--format", "json", "--db", Database);
        Assert.Equal(1.2m, Measure(json, IndicatorCodes.CpRatePer10K).GetProperty("current").GetProperty("value").GetDecimal());

        var (_, loads) = await InvokeAsync("loads", "--db", Database);
        Assert.Contains($"reference import {importId} (population.csv)", loads, StringComparison.Ordinal);
        var (_, imports) = await InvokeAsync("reference", "show", "imports", "--db", Database);
        Assert.Contains(importId, imports, StringComparison.Ordinal);

        var (again, unchanged) = await InvokeAsync("reference", "import", changed, "--db", Database);
        Assert.Equal(0, again);
        Assert.Contains("Reference data unchanged: nothing imported.", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceImport_ChangedTargets_StoresThemAndNamesTheImportInTheLasAudit()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var folder = WriteReference("999/reference", "targets.csv", "indicator,target,tolerance,source,from_date\nCP_RATE_PER_10K,40,5,local,2019-04-01\n");

        await InvokeAsync("reference", "import", folder, "--db", Database);
        WriteReference("999/reference", "targets.csv", "indicator,target,tolerance,source,from_date\nCP_RATE_PER_10K,35,5,local,2019-04-01\n");
        var (exitCode, output) = await InvokeAsync("reference", "import", folder, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("recomputed 1 LA(s)", output, StringComparison.Ordinal);
        var reference = await OpenWarehouse().ReadReferenceAsync("999", TestContext.Current.CancellationToken);
        Assert.Equal(35m, reference.TargetFor(IndicatorCodes.CpRatePer10K, new DateOnly(2019, 9, 30))!.Target);
        var (_, shown) = await InvokeAsync("reference", "show", "targets", "--la", "999", "--db", Database);
        Assert.Matches(@"999\s+CP_RATE_PER_10K\s+35\s+5\s+local\s+2019-04-01\s+999/reference/targets.csv", shown);
        var loads = await OpenWarehouse().ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, loads.Count(l => l.SourceSystem?.Contains("(targets.csv)", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task ReferenceImport_LaFileWithAnotherLasRows_IsRefusedAndNothingChanges()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var folder = WriteReference("999/reference", "population.csv", "la_code,year,population_0_17\n999,2019,20000\n872,2019,1\n");

        var (exitCode, output) = await InvokeAsync("reference", "import", folder, "--db", Database);

        Assert.Equal(1, exitCode);
        Assert.Contains("999/reference/population.csv row 2 column la_code value '872': a file in LA 999's folder may only hold LA 999's rows", output, StringComparison.Ordinal);
        Assert.Null((await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2)).Value);
        Assert.Equal(36_300m, (await OpenWarehouse().ReadReferenceAsync("872", TestContext.Current.CancellationToken)).Population[^1].Population);
    }

    [Fact]
    public async Task ReferenceImport_ManifestWithAnotherHash_IsRefused()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var folder = WriteReference("reference", "population.csv", "la_code,year,population_0_17\n999,2019,20000\n");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), """{ "files": [ { "file": "population.csv", "sha256": "00" } ] }""");

        var (exitCode, output) = await InvokeAsync("reference", "import", folder, "--db", Database);

        Assert.Equal(1, exitCode);
        Assert.Contains("manifest.json gives another SHA-256 than the file's", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceImport_ManifestWithTheFilesHash_RecordsItsSourceAndPublicationDate()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var csv = "la_code,year,population_0_17\n999,2019,20000\n";
        var folder = WriteReference("reference", "population.csv", csv);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        File.WriteAllText(Path.Combine(folder, "manifest.json"),
            $$"""{ "files": [ { "file": "population.csv", "sha256": "{{sha256}}", "source": "ONS mid-2019 estimates", "published": "2020-06-24" } ] }""");

        var (exitCode, _) = await InvokeAsync("reference", "import", folder, "--db", Database);

        Assert.Equal(0, exitCode);
        var (_, files) = await InvokeAsync("reference", "show", "population", "--la", "999", "--db", Database);
        Assert.Matches(@"999\s+2019\s+20000\s+national\s+reference/population.csv\s+ONS mid-2019 estimates\s+2020-06-24", files);
        Assert.Contains("ONS mid-2019 estimates, published 2020-06-24", (await ValueAsync("999", IndicatorCodes.CpRatePer10K, Q2)).Basis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferenceShow_OnANewWarehouse_ListsTheShippedDefaults()
    {
        var (exitCode, output) = await InvokeAsync("reference", "show", "population", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"872\s+2019\s+36300\s+default\s+defaults/population.csv", output);
        Assert.Equal(2, (await InvokeAsync("reference", "show", "nonsense", "--db", Database)).ExitCode);
    }

    public void Dispose() => _temp.Dispose();

    private static JsonElement Measure(string json, string code)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("items").EnumerateArray()
            .SelectMany(i => i.GetProperty("measures").EnumerateArray())
            .Single(m => m.GetProperty("code").GetString() == code)
            .Clone();
    }

    private string WriteReference(string folder, string file, string csv)
    {
        var path = Directory.CreateDirectory(Path.Combine(Extracts, folder)).FullName;
        File.WriteAllText(Path.Combine(path, file), csv);
        return path;
    }

    private SqliteWarehouse OpenWarehouse() => new(Database, _ => [], _clock);

    private async Task<IndicatorValue> ValueAsync(string laCode, string indicator, Period period)
    {
        var values = await OpenWarehouse().ReadCurrentIndicatorValuesAsync(laCode, TestContext.Current.CancellationToken);
        return values.Single(v => v.IndicatorCode == indicator && v.Period == period);
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
