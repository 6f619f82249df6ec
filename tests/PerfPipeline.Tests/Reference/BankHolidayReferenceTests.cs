namespace PerfPipeline.Tests.Reference;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The working-day calendar counts with the bank holidays loaded into the warehouse, end to end through the command
/// line: assessment A1 (1 April to 10 June 2019) takes 46 working days by the shipped list and 45 with a one-off day on
/// 3 June; the open assessment A2 (from 5 August) falls due on 8 October, or 9 October with a one-off day on 2 September.
/// </summary>
public sealed class BankHolidayReferenceTests : IDisposable
{
    private const string OneOffDays = "2019-06-03,A one-off day,,gov.uk\n2019-09-02,Another one-off day,,gov.uk\n";

    private static readonly Period Q1 = Period.Quarter(2019, 1);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public BankHolidayReferenceTests()
    {
        new BatchBuilder(Extracts, laCode: "999")
            .WithDataset("ssd_person", "pers_person_id,pers_sex,pers_dob\n1,F,2012-03-14\n2,M,2015-11-02\n")
            .WithDataset(
                "ssd_cin_assessments",
                "cina_assessment_id,cina_person_id,cina_assessment_start_date,cina_assessment_auth_date\nA1,1,2019-04-01,2019-06-10\nA2,2,2019-08-05,\n")
            .Build();
    }

    private string Extracts => _temp.File("extracts");

    private string Database => _temp.File("data", "perfpipeline.db");

    private static string ShippedList => File.ReadAllText(RepositoryRoot.File("seeds", "reference", "bank-holidays.csv"));

    [Fact]
    public async Task Run_ShippedBankHolidays_A1OverTimescaleA2DueOnThe8th()
    {
        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.True(exitCode == 0, output);
        Assert.Equal(0m, await AssessmentsWithinTimescaleAsync());
        Assert.Equal(new DateOnly(2019, 10, 8), await DueDateAsync("A2"));
        Assert.DoesNotContain("warning:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LoadedListWithOneOffDays_AssessmentsAndTheWorkListCountThem()
    {
        WriteReference("reference", "bank-holidays.csv", ShippedList + OneOffDays);

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.True(exitCode == 0, output);
        Assert.Equal(100m, await AssessmentsWithinTimescaleAsync());
        Assert.Equal(new DateOnly(2019, 10, 9), await DueDateAsync("A2"));
    }

    [Fact]
    public async Task ReferenceImport_OneOffDaysAdded_RecomputesTheAssessmentsAndTheWorkList()
    {
        await InvokeAsync("run", "--extracts", Extracts, "--db", Database);
        var folder = WriteReference("reference", "bank-holidays.csv", ShippedList + OneOffDays);

        var (exitCode, output) = await InvokeAsync("reference", "import", folder, "--db", Database);

        Assert.True(exitCode == 0, output);
        Assert.Contains("recomputed 1 LA(s)", output, StringComparison.Ordinal);
        Assert.Equal(100m, await AssessmentsWithinTimescaleAsync());
        Assert.Equal(new DateOnly(2019, 10, 9), await DueDateAsync("A2"));
    }

    [Fact]
    public async Task Run_ListEndingBeforeTheAsAt_WarnsInTheOutputAndTheLoadsAudit()
    {
        var through2018 = string.Join('\n', ShippedList.Split('\n').Where(line => line.Length > 0 && (!char.IsAsciiDigit(line[0]) || string.CompareOrdinal(line, "2019") < 0))) + "\n";
        WriteReference("reference", "bank-holidays.csv", through2018);
        const string Warning = "the bank holidays loaded end with 2018: working days from 2019-01-01 to 2019-09-30 are counted with the statutory rules";

        var (exitCode, output) = await InvokeAsync("run", "--extracts", Extracts, "--db", Database);

        Assert.True(exitCode == 0, output);
        Assert.Contains("warning: " + Warning, output, StringComparison.Ordinal);
        Assert.Contains("import a bank-holidays.csv that covers 2019", output, StringComparison.Ordinal);
        var issue = Assert.Single(await CalendarIssuesAsync());
        Assert.Equal(("warning", "2018"), (issue.Severity, issue.Value));
        Assert.StartsWith(Warning, issue.Reason, StringComparison.Ordinal);

        // A list that reaches the as-at date recomputes without the warning; cutting it short again warns on import.
        var folder = WriteReference("reference", "bank-holidays.csv", ShippedList);
        var (_, covered) = await InvokeAsync("reference", "import", folder, "--db", Database);
        Assert.DoesNotContain("warning:", covered, StringComparison.Ordinal);
        WriteReference("reference", "bank-holidays.csv", through2018 + "2018-12-31,A one-off day,,gov.uk\n");
        var (_, cut) = await InvokeAsync("reference", "import", folder, "--db", Database);
        Assert.Contains("warning: LA 999: " + Warning, cut, StringComparison.Ordinal);
        Assert.Equal(2, (await CalendarIssuesAsync()).Count);
    }

    [Fact]
    public void Coverage_ListReachingTheYear_NoWarning()
    {
        BankHoliday[] list = [new(new DateOnly(2019, 12, 26), "Boxing Day", "", "gov.uk")];

        Assert.Null(BankHolidayCoverage.Warning(list, new DateOnly(2019, 9, 30)));
        Assert.NotNull(BankHolidayCoverage.Warning(list, new DateOnly(2020, 1, 31)));
        Assert.StartsWith("no bank holidays are loaded", BankHolidayCoverage.Warning([], new DateOnly(2019, 9, 30)), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<decimal?> AssessmentsWithinTimescaleAsync()
    {
        var values = await OpenWarehouse().ReadCurrentIndicatorValuesAsync("999", TestContext.Current.CancellationToken);
        return values.Single(v => v.IndicatorCode == IndicatorCodes.CscAssessments45WdPct && v.Period == Q1).Value;
    }

    private async Task<DateOnly> DueDateAsync(string assessmentId)
    {
        var list = await OpenWarehouse().ReadCurrentWorkListAsync("999", TestContext.Current.CancellationToken);
        return list!.Items.Single(i => i.ItemId == assessmentId).DueDate;
    }

    private async Task<List<(string Severity, string? Value, string Reason)>> CalendarIssuesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT severity, value, reason FROM audit_load_issue WHERE column_name = 'bank_holidays' ORDER BY load_id";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var issues = new List<(string, string?, string)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            issues.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return issues;
    }

    private string WriteReference(string folder, string file, string csv)
    {
        var path = Directory.CreateDirectory(Path.Combine(Extracts, folder)).FullName;
        File.WriteAllText(Path.Combine(path, file), csv);
        return path;
    }

    private SqliteWarehouse OpenWarehouse() => new(Database, _ => [], _clock);

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), _clock, width: 250);
}
