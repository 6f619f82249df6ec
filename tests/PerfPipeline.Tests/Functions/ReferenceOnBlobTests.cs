namespace PerfPipeline.Tests.Functions;

using System.Security.Cryptography;
using System.Text;

using Microsoft.Azure.Functions.Worker;

using PerfPipeline.Calendar;
using PerfPipeline.Functions;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport.Azurite;

/// <summary>
/// Reference data in the extracts container, through the Functions app on a real Azurite: <c>reference/</c> and
/// <c>{la}/reference/</c> imported before a batch, on a reference folder's own manifest event, and by the monthly sweep,
/// with the one importer. LA 999 has three children on a plan and two in care at 2019-09-30.
/// </summary>
[Collection(nameof(UsesAzurite))]
public sealed class ReferenceOnBlobTests(AzuriteFixture azurite)
{
    private static readonly Period Q2 = Period.Quarter(2019, 2);

    [Fact]
    public async Task Queue_BatchBesideReferenceFolders_ImportsThemFirstSoRatesUseTheNationalFile()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.UploadAsync("reference/population.csv", "la_code,year,population_0_17\n872,2019,36300\n999,2018,19000\n999,2019,20000\n");
        await app.UploadAsync("999/reference/targets.csv", "indicator,target,tolerance,source,from_date\nCP_RATE_PER_10K,40,5,local,2019-04-01\n");
        await app.PublishBlobCreatedAsync(await app.DropAsync(LaWithPlans, "999"));

        await app.ProcessNextMessageAsync();

        var cp = await ValueAsync(app, IndicatorCodes.CpRatePer10K);
        Assert.Equal((3m * 10_000 / 20_000, 20_000m), (cp.Value, cp.Denominator));
        Assert.Contains("reference/population.csv (national", cp.Basis, StringComparison.Ordinal);
        var reference = await app.Warehouse.ReadReferenceAsync("999", TestContext.Current.CancellationToken);
        Assert.Equal(40m, Assert.Single(reference.Targets).Target);
        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1011 && r.Message.Contains($"blob container {app.Containers.ExtractsContainer}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_ReferenceFolderManifest_ImportsItAtOnceAndRecomputesUnderALoadNamingTheImport()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.PublishBlobCreatedAsync(await app.DropAsync(LaWithPlans, "999"));
        await app.ProcessNextMessageAsync();
        Assert.Equal("no population estimate for LA 999, year 2019", (await ValueAsync(app, IndicatorCodes.CpRatePer10K)).Reason);
        const string Csv = "la_code,year,population_0_17\n999,2019,30000\n";
        await app.UploadAsync("999/reference/population.csv", Csv);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv)));
        var manifest = await app.UploadAsync("999/reference/manifest.json", $$"""{ "files": [ { "file": "population.csv", "sha256": "{{sha256}}" } ] }""");
        await app.PublishBlobCreatedAsync(manifest);

        await app.ProcessNextMessageAsync();

        Assert.Equal(1m, (await ValueAsync(app, IndicatorCodes.CpRatePer10K)).Value);
        var loads = await app.Warehouse.ListLoadsAsync(cancellationToken: TestContext.Current.CancellationToken);
        var import = Assert.Single(await app.Warehouse.ListReferenceImportsAsync(TestContext.Current.CancellationToken), i => i.Origin.StartsWith("blob container", StringComparison.Ordinal));
        Assert.Contains(loads, l => l.SourceSystem == $"reference import {import.ImportId} (population.csv)");
        Assert.Equal("999/reference/population.csv", Assert.Single(import.Files).FilePath);
    }

    [Fact]
    public async Task Queue_BadReferenceFile_LoggedNothingImportedAndTheBatchStillLoads()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.UploadAsync("999/reference/population.csv", "la_code,year,population_0_17\n872,2019,50000\n");
        await app.PublishBlobCreatedAsync(await app.DropAsync(LaWithPlans, "999"));

        await app.ProcessNextMessageAsync();

        Assert.Contains(app.Logs.GetSnapshot(), r => r.Id.Id == 1012 && r.Message.Contains("999/reference/population.csv row 1 column la_code value '872'", StringComparison.Ordinal));
        Assert.Equal(36_300m, (await app.Warehouse.ReadReferenceAsync("872", TestContext.Current.CancellationToken)).Population[^1].Population);
        Assert.Equal(3m, (await ValueAsync(app, IndicatorCodes.CpPlansCurrent)).Value);
    }

    [Fact]
    public async Task MonthlySweep_ReferenceUploadedWithoutAManifest_ImportsEveryFolderBeforeTheBatches()
    {
        await using var app = await FunctionApp.StartAsync(azurite);
        await app.UploadAsync("999/reference/population.csv", "la_code,year,population_0_17\n999,2019,25000\n");
        await app.DropAsync(LaWithPlans, "999"); // no trigger ran

        await app.Function<MonthlySweep>().Run(new TimerInfo { ScheduleStatus = new ScheduleStatus() }, TestContext.Current.CancellationToken);

        var cp = await ValueAsync(app, IndicatorCodes.CpRatePer10K);
        Assert.Equal(25_000m, cp.Denominator);
        Assert.Contains("999/reference/population.csv (la", cp.Basis, StringComparison.Ordinal);
    }

    private static TestSupport.BatchBuilder LaWithPlans(TestSupport.BatchBuilder batch) => batch
        .WithDataset("ssd_person", "pers_person_id,pers_sex,pers_dob\n1,F,2012-03-14\n2,M,2015-11-02\n3,F,2010-01-20\n")
        .WithDataset(
            "ssd_cp_plans",
            "cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date\nCP1,1,2019-05-01,\nCP2,2,2019-06-10,\nCP3,3,2019-07-22,\n");

    private static async Task<IndicatorValue> ValueAsync(FunctionApp app, string indicator)
    {
        var values = await app.Warehouse.ReadCurrentIndicatorValuesAsync("999", TestContext.Current.CancellationToken);
        return values.Single(v => v.IndicatorCode == indicator && v.Period == Q2);
    }
}
