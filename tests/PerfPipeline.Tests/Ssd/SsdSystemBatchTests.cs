namespace PerfPipeline.Tests.Ssd;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Indicators;
using PerfPipeline.Tests.Cli;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Native SSD 1.4.5 batches of SystemC, Mosaic and Eclipse (their columns, spellings, NULLs and missing tables, no
/// extension column) are accepted by <c>validate</c> and <c>run</c>. Every figure equals the one the same data gives
/// in the contract's current shape, or is n/a with its reason: never a different number, never a rejection.
/// </summary>
public sealed class SsdSystemBatchTests : IDisposable
{
    private const string La = "997";

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero));

    public static TheoryData<string, string[], string[]> Systems => new()
    {
        // The figures each system's SSD gives with no extension column, and some it cannot.
        {
            "SystemC",
            [IndicatorCodes.CscReferrals, IndicatorCodes.CscAssessments45WdPct, IndicatorCodes.CpPlansCurrent, IndicatorCodes.CpVisitsInTimescalePct,
                IndicatorCodes.CicCurrent, IndicatorCodes.CicMultipleSocialWorkers12MPct, IndicatorCodes.MissingChildren, IndicatorCodes.EhReferrals,
                IndicatorCodes.ClInTouchPct, IndicatorCodes.ClSuitableAccommodationPct, IndicatorCodes.ClNeet18To24Pct],
            [IndicatorCodes.MissingRhiOnTimePct, IndicatorCodes.EhAssessments, IndicatorCodes.SwAgencyPct, IndicatorCodes.SwTurnover12MPct,
                IndicatorCodes.EhcpIssuedWithin20WeeksPct]
        },
        {
            "Mosaic",
            [IndicatorCodes.CscReferrals, IndicatorCodes.CscAssessments45WdPct, IndicatorCodes.CicCurrent, IndicatorCodes.CicVisitsInTimescalePct,
                IndicatorCodes.MissingChildren, IndicatorCodes.EhReferrals],
            [IndicatorCodes.CpPlansCurrent, IndicatorCodes.CpVisitsInTimescalePct, IndicatorCodes.CicMultipleSocialWorkers12MPct,
                IndicatorCodes.SwAgencyPct, IndicatorCodes.MissingRhiOnTimePct]
        },
        {
            "Eclipse",
            [IndicatorCodes.CscReferrals, IndicatorCodes.CpPlansCurrent, IndicatorCodes.CpVisitsInTimescalePct, IndicatorCodes.CicCurrent,
                IndicatorCodes.MissingChildren, IndicatorCodes.ClInTouchPct, IndicatorCodes.ClSuitableAccommodationPct],
            [IndicatorCodes.CicMultipleSocialWorkers12MPct, IndicatorCodes.SwAgencyPct, IndicatorCodes.EhAssessments]
        },
    };

    [Theory]
    [MemberData(nameof(Systems))]
    public async Task NativeBatch_IsAcceptedAndEachFigureEqualsTheCurrentShapeOrIsNotAvailableWithItsReason(
        string system, string[] computed, string[] notAvailable)
    {
        SsdWorld.WriteCurrentShape(_temp.File("current"), La);
        SsdWorld.WriteNative(_temp.File("native"), La, system);

        var (validateExit, validateOutput) = await InvokeAsync("native-validate", "validate", _temp.File("native", La, SsdWorld.AsAt));
        var current = await RunAsync("current");
        var native = await RunAsync("native");

        Assert.True(validateExit == 0, validateOutput);
        Assert.Contains("0 file errors", validateOutput, StringComparison.Ordinal);
        Assert.Contains("ssd_address", validateOutput, StringComparison.Ordinal);
        if (system == "Mosaic")
        {
            // No invo_person_id: every involvement reaches its child through its referral.
            Assert.Contains("ssd_involvements.invo_person_id from person of the involvement's referral (invo_referral_id → cine_person_id): 3 rows", validateOutput, StringComparison.Ordinal);
        }

        if (system == "SystemC")
        {
            // Its cohort: P7's older row superseded by the latest contact, P9's without in_touch left out; both load.
            Assert.Contains("ssd_care_leavers.clea_care_leaver_latest_contact, superseded by the person's row with a later contact: 1 rows", validateOutput, StringComparison.Ordinal);
            Assert.Contains("ssd_care_leavers.clea_care_leaver_in_touch, in touch not recorded: 1 rows", validateOutput, StringComparison.Ordinal);
        }

        if (system == "Eclipse")
        {
            // Plan ids of another numbering: every visit takes the person's plan covering its date.
            Assert.Contains("ssd_cp_visits.cppv_cp_plan_id from the person's plan covering the visit date, for an id naming no plan of the batch: 5 rows", validateOutput, StringComparison.Ordinal);
        }

        Assert.NotEmpty(current);
        var currentByKey = current.ToDictionary(v => (v.IndicatorCode, v.Period));
        foreach (var value in native)
        {
            var expected = currentByKey[(value.IndicatorCode, value.Period)];
            if (value.Value is null && expected.Value is not null)
            {
                Assert.False(string.IsNullOrWhiteSpace(value.Reason), $"{value.IndicatorCode} {value.Period}: n/a without a reason");
            }
            else
            {
                Assert.True(expected.Value == value.Value, $"{value.IndicatorCode} {value.Period}: {value.Value} natively, {expected.Value} in the current shape");
            }
        }

        var q2 = PerfPipeline.Calendar.Period.Quarter(2019, 2);
        if (system == "SystemC")
        {
            // P7 (latest contact in touch) and P8 (not): counting P7's older row and P9 would make it 1 of 4.
            var inTouch = native.Single(v => v.IndicatorCode == IndicatorCodes.ClInTouchPct && v.Period == q2);
            Assert.Equal((1m, 2m, 50m), (inTouch.Numerator!.Value, inTouch.Denominator!.Value, inTouch.Value!.Value));
        }

        foreach (var code in computed)
        {
            var value = native.Single(v => v.IndicatorCode == code && v.Period == q2);
            Assert.True(value.Value is not null, $"{system}: {code} is n/a ({value.Reason})");
            Assert.Equal(currentByKey[(code, q2)].Value, value.Value);
        }

        foreach (var code in notAvailable)
        {
            var value = native.Single(v => v.IndicatorCode == code && v.Period == q2);
            Assert.True(value.Value is null, $"{system}: {code} is {value.Value}");
            Assert.False(string.IsNullOrWhiteSpace(value.Reason), $"{system}: {code} is n/a without a reason");
        }

        // Every system's script fills ssd_department: the team columns' department ids are shown by their names.
        var names = await new SqliteWarehouse(_temp.File("native-data", "perfpipeline.db"), _ => [], _clock).ReadTeamNamesAsync(La, TestContext.Current.CancellationToken);
        Assert.Equal(["Assessment Team North", "Children in Care"], new[] { "40", "41" }.Select(names.Label));
        Assert.Equal("10", names.ParentKey("40"));
        Assert.Equal("Children's Social Care", names.ParentLabel("41"));
    }

    /// <summary>
    /// The "done when": the same batch with the extension columns added, and the columns the scripts leave NULL
    /// filled in (with the tables a script fails to build, the EHCP tables, the population estimate and the LA's role
    /// list), gives every figure.
    /// </summary>
    [Theory]
    [InlineData("SystemC")]
    [InlineData("Mosaic")]
    [InlineData("Eclipse")]
    public async Task CompletedBatch_ExtensionColumnsAddedAndScriptNullsFilledIn_GivesEveryFigure(string system)
    {
        SsdWorld.WriteNative(_temp.File("completed"), La, system, completed: true);

        var values = await RunAsync("completed");

        var q2 = PerfPipeline.Calendar.Period.Quarter(2019, 2);
        var quarter = values.Where(v => v.Period == q2).ToList();
        Assert.Equal(IndicatorCatalogue.All.Count, quarter.Count);
        var missing = quarter.Where(v => v.Value is null).Select(v => $"{v.IndicatorCode}: {v.Reason}").ToList();
        Assert.True(missing.Count == 0, $"{system}: n/a\n{string.Join('\n', missing)}");
    }

    public void Dispose() => _temp.Dispose();

    private async Task<IReadOnlyList<IndicatorValue>> RunAsync(string shape)
    {
        var database = _temp.File(shape + "-data", "perfpipeline.db");
        var (exitCode, output) = await InvokeAsync(shape + "-data", "run", "--extracts", _temp.File(shape), "--db", database);
        Assert.True(exitCode == 0, output);
        return await new SqliteWarehouse(database, _ => [], _clock).ReadCurrentIndicatorValuesAsync(La, TestContext.Current.CancellationToken);
    }

    private Task<(int ExitCode, string Output)> InvokeAsync(string dataFolder, params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File(dataFolder), _clock, width: 250);
}
