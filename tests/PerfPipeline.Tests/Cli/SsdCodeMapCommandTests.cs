namespace PerfPipeline.Tests.Cli;

using System.Text.Json;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// An LA's code map end to end: values its system writes are rejected until the map gives them a code; the report
/// lists them with their counts and writes the map to fill in; imported, the batch loads. And a dataset or column
/// the batch does not supply is n/a with the reason in the warehouse.
/// </summary>
public sealed class SsdCodeMapCommandTests : IDisposable
{
    private static readonly Period Q2 = Period.Quarter(2019, 2);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public SsdCodeMapCommandTests()
    {
        new BatchBuilder(Extracts, laCode: "999")
            .WithDataset("ssd_person", "pers_person_id,pers_dob\n1,2010-01-01\n2,2011-01-01\n3,2012-01-01\n")
            .WithDataset("ssd_missing", """
                miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted
                M1,1,2019-07-01 00:00:00.000,Gone Missing,2019-07-02 00:00:00.000,Y,Y
                M2,2,2019-08-01 00:00:00.000,Gone Missing,NULL,NA,NA
                M3,3,2019-08-05 00:00:00.000,M,NULL,NULL,NULL
                M4,3,2019-08-09 00:00:00.000,Unauthorised absence,NULL,NULL,NULL
                """)
            .WithDataset("ssd_ehcp_requests", "ehcr_ehcp_request_id,ehcr_ehcp_req_date,ehcr_ehcp_req_outcome_date,ehcr_ehcp_req_outcome\n")
            .Build();
    }

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    [Fact]
    public async Task Validate_ValuesOutsideCodesAndMap_ListedWithCountsAndAMapToFillInBesideTheReport()
    {
        var (exitCode, output) = await InvokeAsync("validate", Path.Combine(Extracts, "999", "2019-09-30"), "--db", Database);

        Assert.Equal(1, exitCode);
        Assert.Contains("ssd_missing.miss_missing_episode_type 'Gone Missing': 2 rows", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(_temp.File("data", "reports", "999-2019-09-30-errors.json")));
        var unmapped = report.RootElement.GetProperty("unmapped_values").EnumerateArray()
            .Select(v => (v.GetProperty("value").GetString(), v.GetProperty("rows").GetInt32())).ToList();
        Assert.Equal([("Gone Missing", 2), ("Unauthorised absence", 1)], unmapped);
        var draft = File.ReadAllText(_temp.File("data", "reports", "999-2019-09-30-code-map.csv"));
        Assert.Equal(
            "dataset,column,source_value,code\nssd_missing,miss_missing_episode_type,Gone Missing,\nssd_missing,miss_missing_episode_type,Unauthorised absence,\n",
            draft);
    }

    [Fact]
    public async Task Run_WithTheMapFilledIn_LoadsTheRowsAndTheMeasuresCountThem()
    {
        WriteReference("999/reference", "code-map.csv",
            "dataset,column,source_value,code\nssd_missing,miss_missing_episode_type,Gone Missing,Missing\nssd_missing,miss_missing_episode_type,unauthorised ABSENCE,Absent\n");

        var (exitCode, _) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Equal(3m, (await ValueAsync(IndicatorCodes.MissingChildren, Q2)).Value);
        var interviews = await ValueAsync(IndicatorCodes.MissingRhiOnTimePct, Q2);
        Assert.Null(interviews.Value);
        Assert.Equal("ssd_missing.miss_missing_rhi_date not supplied", interviews.Reason);
        var ehcp = await ValueAsync(IndicatorCodes.EhcpIssuedWithin20WeeksPct, Q2);
        Assert.Null(ehcp.Value);
        Assert.Equal("ssd_ehcp_named_plan not supplied", ehcp.Reason);
        var plans = await ValueAsync(IndicatorCodes.CpPlansCurrent, Q2);
        Assert.Null(plans.Value);
        Assert.Equal("ssd_cp_plans not supplied", plans.Reason);
    }

    [Fact]
    public async Task Run_HeaderOnlyDatasetThatNeverHeldRows_IsNotAvailableWithTheReason()
    {
        new BatchBuilder(Extracts, laCode: "998")
            .WithDataset("ssd_person", "pers_person_id,pers_dob\n1,2010-01-01\n")
            .WithDataset("ssd_cin_episodes", "cine_referral_id,cine_person_id,cine_referral_date\nR1,1,2019-04-02\n")
            .WithDataset("ssd_cp_plans", "cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date\n")
            .Build();

        // LA 999's batch, with its values unmapped, is rejected in the same run: only 998's figures are asked for.
        var (_, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.Contains("998/2019-09-30  loaded", output, StringComparison.Ordinal);
        var plans = await ValueAsync(IndicatorCodes.CpPlansCurrent, Q2, "998");
        Assert.Null(plans.Value);
        Assert.Equal("ssd_cp_plans supplied with no rows", plans.Reason);
    }

    public void Dispose() => _temp.Dispose();

    private void WriteReference(string folder, string file, string csv)
    {
        var path = Directory.CreateDirectory(Path.Combine(Extracts, folder)).FullName;
        File.WriteAllText(Path.Combine(path, file), csv);
    }

    private async Task<IndicatorValue> ValueAsync(string indicator, Period period, string laCode = "999")
    {
        var values = await new SqliteWarehouse(Database, _ => [], _clock).ReadCurrentIndicatorValuesAsync(laCode, TestContext.Current.CancellationToken);
        return values.Single(v => v.IndicatorCode == indicator && v.Period == period);
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
