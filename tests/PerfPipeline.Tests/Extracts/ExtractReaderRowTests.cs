namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;

/// <summary>Row errors, warnings within a dataset, duplicates, counts and the rejected-share threshold.</summary>
public sealed class ExtractReaderRowTests : ExtractReaderTestBase
{
    private const string ReferralHeader =
        "cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team";

    public static TheoryData<string, string, string> DateRanges()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var dataset in ExtractContract.Datasets)
        {
            foreach (var range in dataset.DateRanges)
            {
                data.Add(dataset.Name, range.Start, range.End);
            }
        }

        return data;
    }

    public static TheoryData<string, string> RequiredColumns => ContractCsv.RequiredColumns();

    [Theory]
    [MemberData(nameof(RequiredColumns))]
    public async Task ReadAsync_RequiredValueEmpty_RejectsRow(string name, string column)
    {
        var contract = ExtractContract.Find(name)!;
        var bad = ContractCsv.ValidValues(contract, 2);
        bad[contract.IndexOf(column)] = "  ";
        Batch.WithDataset(name, ContractCsv.Valid(contract, 1) + string.Join(",", bad) + "\n");

        var sut = await ReadAsync(Lenient);

        var dataset = Assert.Single(sut.Datasets);
        Assert.Equal(2, dataset.RowsRead);
        Assert.Equal(1, dataset.RowsRejected);
        Assert.Equal([1L], dataset.Rows.Select(r => r.RowNumber));
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((ValidationRule.RequiredValueMissing, 2L, column), (issue.Rule!.Value, issue.Row!.Value, issue.Column!));
    }

    [Theory]
    [MemberData(nameof(DateRanges))]
    public async Task ReadAsync_EndBeforeStart_RejectsRow(string name, string start, string end)
    {
        var contract = ExtractContract.Find(name)!;
        var bad = ContractCsv.ValidValues(contract, 2);
        bad[contract.IndexOf(start)] = "2019-03-02";
        bad[contract.IndexOf(end)] = "2019-03-01";
        var same = ContractCsv.ValidValues(contract, 3);
        same[contract.IndexOf(start)] = "2019-03-02";
        same[contract.IndexOf(end)] = "2019-03-02";
        Batch.WithDataset(name, ContractCsv.Valid(contract, 1) + string.Join(",", bad) + "\n" + string.Join(",", same) + "\n");

        var sut = await ReadAsync(Lenient);

        var dataset = Assert.Single(sut.Datasets);
        Assert.Equal([1L, 3L], dataset.Rows.Select(r => r.RowNumber));
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((ValidationRule.EndBeforeStart, 2L, end, "2019-03-01"), (issue.Rule!.Value, issue.Row!.Value, issue.Column!, issue.Value!));
    }

    [Theory]
    [InlineData("R2,P2,2019-04-03,,maybe,,", ValidationRule.UnparseableFlag, "cine_referral_nfa", "maybe")]
    [InlineData("R2,P2,2019-4-3,,,,", ValidationRule.UnparseableDate, "cine_referral_date", "2019-4-3")]
    [InlineData("R2,P2,2019-04-03,,,03-05-2019,", ValidationRule.UnparseableDate, "cine_close_date", "03-05-2019")]
    [InlineData("R2,P2,2019-10-01,,,,", ValidationRule.DateAfterAsAt, "cine_referral_date", "2019-10-01")]
    [InlineData("R2,P2,2019-04-03,,,2019-10-01 09:00,", ValidationRule.DateAfterAsAt, "cine_close_date", "2019-10-01 09:00")]
    [InlineData("R2,P2,2019-04-03,,,", ValidationRule.WrongFieldCount, null, null)]
    [InlineData("R2,P2,2019-04-03,,,,,", ValidationRule.WrongFieldCount, null, null)]
    [InlineData("R2,P2,1900-01-01,,,,", ValidationRule.RequiredValueMissing, "cine_referral_date", "1900-01-01")]
    public async Task ReadAsync_BadValue_RejectsRowWithReason(string row, ValidationRule rule, string? column, string? value)
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\n{row}\nR3,P3,2019-09-30,,,,\n");

        var sut = await ReadAsync(Lenient);

        var referrals = Assert.Single(sut.Datasets);
        Assert.Equal(3, referrals.RowsRead);
        Assert.Equal(1, referrals.RowsRejected);
        Assert.Equal([1L, 3L], referrals.Rows.Select(r => r.RowNumber));
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((rule, 2L, column, value), (issue.Rule!.Value, issue.Row!.Value, issue.Column, issue.Value));
    }

    [Fact]
    public async Task ReadAsync_DateOfBirthAfterAsAt_RejectsRow()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2019-09-30\nP2,2019-10-01\n");

        var sut = await ReadAsync(Lenient);

        Assert.Equal([1L], sut.Datasets[0].Rows.Select(r => r.RowNumber));
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.RowError);
        Assert.Equal((ValidationRule.DateAfterAsAt, "pers_dob"), (issue.Rule!.Value, issue.Column!));
    }

    [Fact]
    public async Task ReadAsync_PlaceholderDateInOptionalColumn_ReadsNullWithWarning()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,1900-01-01,\nR2,P2,2019-04-02,,,1900-01-01 00:00:00.000,\n");

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.All(sut.Datasets[0].Rows, row => Assert.Null(row.Values[5]));
        var warnings = sut.Issues.Where(i => i.Severity == IssueSeverity.Warning).ToList();
        Assert.Equal([1L, 2L], warnings.Select(w => w.Row!.Value));
        Assert.All(warnings, w => Assert.Equal((ValidationRule.PlaceholderDate, "cine_close_date"), (w.Rule!.Value, w.Column!)));
    }

    [Fact]
    public async Task ReadAsync_PlaceholderDateInRequiredColumn_WarnsAndRejectsRow()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,1900-01-01,,,,\n");

        var sut = await ReadAsync(Lenient);

        Assert.Equal(1, sut.Datasets[0].RowsRejected);
        Assert.Contains(sut.Issues, i => i.Severity == IssueSeverity.Warning && i.Rule == ValidationRule.PlaceholderDate);
        Assert.Contains(sut.Issues, i => i.Severity == IssueSeverity.RowError && i.Rule == ValidationRule.RequiredValueMissing);
    }

    [Fact]
    public async Task ReadAsync_Codes_StoreCanonicalSpellingAndRejectOthers()
    {
        Batch.WithDataset("ssd_care_leavers", """
            clea_table_id,clea_person_id,clea_care_leaver_in_touch,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity
            C1,P1,yes,u1,suitable,f2
            C2,P2,Refu,B2,2,G6
            C3,P3,MAYBE,,,
            C4,P4,NO,A1,,
            C5,P5,NO,,,F6
            """);

        var sut = await ReadAsync(Lenient);

        var leavers = sut.Datasets[0];
        Assert.Equal(["C1", Pseudonym("P1"), null, "YES", null, "U1", "Suitable", "F2"], leavers.Rows[0].Values);
        Assert.Equal(["C2", Pseudonym("P2"), null, "REFU", null, "B2", "2", "G6"], leavers.Rows[1].Values);
        Assert.Equal(3, leavers.RowsRejected);
        Assert.Equal(
            [("clea_care_leaver_in_touch", "MAYBE"), ("clea_care_leaver_accommodation", "A1"), ("clea_care_leaver_activity", "F6")],
            sut.Issues.Where(i => i.Rule == ValidationRule.CodeNotInList).Select(i => (i.Column!, i.Value!)));
    }

    [Fact]
    public async Task ReadAsync_NumbersAndFlags_AreTyped()
    {
        Batch.WithDataset("ssd_professionals", """
            prof_professional_id,prof_agency_worker_flag,prof_full_time_equivalency,prof_qualified_social_worker,prof_employment_start_date,prof_employment_end_date
            W1,Yes,0.8,TRUE,2015-01-05,
            W2,0,1,n,05/01/2015,2019-06-30T17:00:00
            W3,N,0,8,Y,2015-01-05,
            W4,N,1.0.0,Y,2015-01-05,
            """);

        var sut = await ReadAsync(Lenient);

        var workers = sut.Datasets[0];
        Assert.Equal([Pseudonym("W1"), true, 0.8m, true, new DateOnly(2015, 1, 5), null], workers.Rows[0].Values);
        Assert.Equal([Pseudonym("W2"), false, 1m, false, new DateOnly(2015, 1, 5), new DateOnly(2019, 6, 30)], workers.Rows[1].Values);
        Assert.Equal([ValidationRule.WrongFieldCount, ValidationRule.UnparseableNumber], sut.Issues.Select(i => i.Rule!.Value));
    }

    [Fact]
    public async Task ReadAsync_DuplicatePrimaryKey_RejectsEveryCopyAndCountsEachRowOnce()
    {
        Batch.WithDataset("ssd_cin_episodes", $"""
            {ReferralHeader}
            R1,P1,2019-04-02,,,,
            R2,P2,2019-04-02,,,,
            R1,P3,2019-04-02,,,,
            R3,P4,2019-04-02,,,,
             R1 ,P5,bad-date,,,,
            r1,P6,2019-04-02,,,,
            R4,P7,2019-04-02,,,,
            R4,P8,2019-04-02,,,
            """);

        var sut = await ReadAsync(Lenient);

        var referrals = sut.Datasets[0];
        Assert.Equal(8, referrals.RowsRead);
        Assert.Equal(5, referrals.RowsRejected);
        Assert.Equal(["R2", "R3", "r1"], referrals.Rows.Select(r => (string)r.Values[0]!));
        var duplicates = sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).ToList();
        Assert.Equal([1L, 3L, 5L, 7L, 8L], duplicates.Select(i => i.Row!.Value));
        Assert.All(duplicates, i => Assert.Equal("cine_referral_id", i.Column));
        Assert.Equal(sut.Issues.OrderBy(i => i.Row).Select(i => i.Row), sut.Issues.Select(i => i.Row));
    }

    [Fact]
    public async Task ReadAsync_DuplicatePersonKey_RejectsEveryCopyAndReportsThePseudonym()
    {
        Batch.WithDataset("ssd_person", """
            pers_person_id,pers_sex,pers_ethnicity,pers_dob
            P1,F,WBRI,2010-05-06
            P2,M,,
             P1 ,F,,2011-01-01
            P3,F,,2030-01-01
            P3,M,,
            P4,F,
            P4,M,,
            P5,F,,
            """);

        var sut = await ReadAsync(Lenient);

        var people = sut.Datasets[0];
        Assert.Equal(8, people.RowsRead);
        Assert.Equal(6, people.RowsRejected);
        Assert.Equal([Pseudonym("P2"), Pseudonym("P5")], people.Rows.Select(r => (string)r.Values[0]!));
        var duplicates = sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).ToList();
        Assert.Equal([1L, 3L, 4L, 5L, 6L, 7L], duplicates.Select(i => i.Row!.Value));
        Assert.Equal(
            [Pseudonym("P1"), Pseudonym("P1"), Pseudonym("P3"), Pseudonym("P3"), Pseudonym("P4"), Pseudonym("P4")],
            duplicates.Select(i => i.Value));
    }

    [Theory]
    [InlineData("R1,R2,R3,R3", new long[] { 3, 4 })]
    [InlineData("R1,R2,R3,R1", new long[] { 1, 4 })]
    [InlineData("R3,R2,R1,R2", new long[] { 2, 4 })]
    [InlineData("R1,R2,R3,R4", new long[0])]
    [InlineData("R4,R3,R2,R1", new long[0])]
    public async Task ReadAsync_KeysInOrAfterKeyOrder_FindsEveryDuplicate(string keys, long[] duplicateRows)
    {
        var lines = keys.Split(',').Select((key, i) => $"{key},P{i},2019-04-02,,,,");
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\n{string.Join("\n", lines)}\n");

        var sut = await ReadAsync(Lenient);

        Assert.Equal(duplicateRows, sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).Select(i => i.Row!.Value));
        Assert.Equal(4 - duplicateRows.Length, sut.Datasets[0].RowsAccepted);
    }

    [Fact]
    public async Task ReadAsync_RejectedRowBeforeKeysLeaveOrder_IsStillFoundAsDuplicate()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,bad,,,,\nR2,P2,2019-04-02,,,,\nR1,P3,2019-04-02,,,,\n");

        var sut = await ReadAsync(Lenient);

        Assert.Equal([1L, 3L], sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).Select(i => i.Row!.Value));
        Assert.Equal(2, sut.Datasets[0].RowsRejected);
    }

    [Fact]
    public async Task ReadAsync_DuplicatesOfAFileWithNoOtherError_OtherRowsKeepTheirRowNumbersAndValues()
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\nR2,P2,2019-04-03,,,,\nR1,P3,2019-04-04,,,,\nR3,P4,2019-04-05,,,,\n");

        var sut = await ReadAsync(Lenient);

        var referrals = sut.Datasets[0];
        Assert.Equal([2L, 4L], referrals.Rows.Select(r => r.RowNumber));
        Assert.Equal(["R2", "R3"], referrals.Rows.Select(r => (string)r.Values[0]!));
        Assert.Equal([Pseudonym("P2"), Pseudonym("P4")], referrals.Rows.Select(r => (string)r.Values[1]!));
        Assert.Equal([new DateOnly(2019, 4, 3), new DateOnly(2019, 4, 5)], referrals.Rows.Select(r => (DateOnly)r.Values[2]!));
    }

    [Fact]
    public async Task ReadAsync_PersonKeysMetInAnEarlierFile_FindsEveryDuplicateByPerson()
    {
        // The referrals meet the people first, in another order, so the person file's keys have high, unordered numbers.
        var referrals = Enumerable.Range(1, 40).Select(i => $"R{i},P{41 - i},2019-04-02,,,,");
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\n{string.Join("\n", referrals)}\n");
        Batch.WithDataset("ssd_person", "pers_person_id,pers_sex\nP7,F\nP50,M\nP3,F\nP7,M\nP60,F\nP50,F\nP1,M\n");

        var sut = await ReadAsync(Lenient);

        var people = sut.Datasets.Single(d => d.Contract.Name == "ssd_person");
        Assert.Equal([Pseudonym("P3"), Pseudonym("P60"), Pseudonym("P1")], people.Rows.Select(r => (string)r.Values[0]!));
        Assert.Equal([3L, 5L, 7L], people.Rows.Select(r => r.RowNumber));
        var duplicates = sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).ToList();
        Assert.Equal([1L, 2L, 4L, 6L], duplicates.Select(i => i.Row!.Value));
        Assert.Equal([Pseudonym("P7"), Pseudonym("P50"), Pseudonym("P7"), Pseudonym("P50")], duplicates.Select(i => i.Value));
    }

    [Fact]
    public async Task ReadAsync_DuplicatePersonKey_ReportsPseudonymNotIdentifier()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_sex\nSECRET1,F\nSECRET1,F\n");

        var sut = await ReadAsync(Lenient);

        Assert.Equal(2, sut.Datasets[0].RowsRejected);
        Assert.All(sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey), i => Assert.Equal(Pseudonym("SECRET1"), i.Value));
        Assert.DoesNotContain("SECRET1", ValidationReport.Create(Batch.Build(), sut).Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AnyMix_RowsReadIsAcceptedPlusRejected()
    {
        Batch.WithDataset("ssd_cin_episodes", $"""
            {ReferralHeader}
            R1,P1,2019-04-02,,,,
            R2,,2019-04-02,,,,
            R3,P3,2019-04-02,,x,,
            R3,P3,2019-04-02,,,,

            R5,P5,2019-04-02,,,2019-04-01,
            R6,P6
            R7,P7,2019-04-02,,,,
            """, rows: 7);

        var sut = await ReadAsync(Lenient);

        var referrals = sut.Datasets[0];
        Assert.Equal(7, referrals.RowsRead);
        Assert.Equal(referrals.RowsRead, referrals.RowsAccepted + referrals.RowsRejected);
        Assert.Equal(2, referrals.RowsAccepted);
        Assert.Equal(referrals.RowsRejected, sut.Issues.Where(i => i.Severity == IssueSeverity.RowError).Select(i => i.Row).Distinct().Count());
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public async Task ReadAsync_RejectedShareAboveThreshold_RejectsBatch(int badRows, bool rejected)
    {
        // 20 rows at the default 5%: one bad row is exactly 5% (kept), two are 10% (rejected).
        var lines = Enumerable.Range(1, 20).Select(n => n <= badRows ? $"R{n},P{n},not-a-date,,,," : $"R{n},P{n},2019-04-02,,,,");
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\n{string.Join("\n", lines)}\n");

        var sut = await ReadAsync();

        Assert.Equal(rejected, sut.IsRejected);
        Assert.Equal(badRows, sut.Datasets[0].RowsRejected);
        Assert.Equal(rejected, sut.Issues.Any(i => i.Rule == ValidationRule.TooManyRowsRejected));
        if (rejected)
        {
            Assert.Contains("ssd_cin_episodes", sut.RejectionReason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(0.0, true)]
    [InlineData(0.5, false)]
    public async Task ReadAsync_ConfiguredThreshold_IsApplied(double share, bool rejected)
    {
        Batch.WithDataset("ssd_cin_episodes", $"{ReferralHeader}\nR1,P1,2019-04-02,,,,\nR2,P2,bad,,,,\n");

        var sut = await ReadAsync(new ExtractReaderOptions { MaxRejectedRowShare = share });

        Assert.Equal(rejected, sut.IsRejected);
    }

    [Fact]
    public void Constructor_ThresholdOutsideZeroToOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreateReader(new ExtractReaderOptions { MaxRejectedRowShare = 1.5 }));
    }
}
