namespace PerfPipeline.Tests.Extracts;

using System.Text;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;

/// <summary>File format and file-level rules: encoding, line ends, header, columns.</summary>
public sealed class ExtractReaderFileTests : ExtractReaderTestBase
{
    private const string PersonHeader = "pers_person_id,pers_sex,pers_ethnicity,pers_dob";

    public static TheoryData<string> DatasetNames => [.. ExtractContract.Datasets.Select(d => d.Name)];

    public static TheoryData<string, string> RequiredColumns => ContractCsv.RequiredColumns();

    [Theory]
    [MemberData(nameof(DatasetNames))]
    public async Task ReadAsync_ValidRowsOfAnyDataset_AreAllAccepted(string name)
    {
        var contract = ExtractContract.Find(name)!;
        Batch.WithDataset(name, ContractCsv.Valid(contract, 3));

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var dataset = Assert.Single(sut.Datasets);
        Assert.Same(contract, dataset.Contract);
        Assert.Equal(3, dataset.RowsRead);
        Assert.Equal(3, dataset.RowsAccepted);
        Assert.All(dataset.Rows, row => Assert.Equal(contract.Columns.Count, row.Values.Length));
    }

    [Theory]
    [MemberData(nameof(RequiredColumns))]
    public async Task ReadAsync_RequiredColumnMissing_IsFileError(string name, string column)
    {
        var contract = ExtractContract.Find(name)!;
        var values = ContractCsv.ValidValues(contract, 1).Where((_, i) => contract.Columns[i].Name != column);
        Batch.WithDataset(name, $"{ContractCsv.Header(contract, without: column)}\n{string.Join(",", values)}\n");

        var sut = await ReadAsync();

        Assert.True(sut.IsRejected);
        var issue = Assert.Single(sut.Issues, i => i.Severity == IssueSeverity.FileError && i.Rule == ValidationRule.RequiredColumnMissing);
        Assert.Equal(column, issue.Column);
        Assert.Equal(name, issue.Dataset);
        var dataset = Assert.Single(sut.Datasets);
        Assert.Equal(1, dataset.RowsRead);
        Assert.Equal(1, dataset.RowsRejected);
    }

    [Fact]
    public async Task ReadAsync_OptionalColumnMissing_ReadsNull()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_dob\nP1,2010-05-06\n");

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal([Pseudonym("P1"), null, null, new DateOnly(2010, 5, 6), null], sut.Datasets[0].Rows[0].Values);
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAndCrLf_AreRead()
    {
        var csv = $"{PersonHeader}\r\nP1,F,WBRI,2010-05-06\r\nP2,M,,\r\n";
        Batch.WithDatasetBytes("ssd_person", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var people = sut.Datasets[0];
        Assert.Equal(2, people.RowsAccepted);
        Assert.Equal([Pseudonym("P1"), "F", "WBRI", new DateOnly(2010, 5, 6), null], people.Rows[0].Values);
        Assert.Equal([Pseudonym("P2"), "M", null, null, null], people.Rows[1].Values);
    }

    [Fact]
    public async Task ReadAsync_HeaderInOtherCaseWithSpaces_MatchesColumns()
    {
        Batch.WithDataset("ssd_person", " PERS_PERSON_ID ,Pers_Sex,  pers_ethnicity,PERS_DOB  \nP1,F,WBRI,2010-05-06\n");

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal([Pseudonym("P1"), "F", "WBRI", new DateOnly(2010, 5, 6), null], sut.Datasets[0].Rows[0].Values);
    }

    [Fact]
    public async Task ReadAsync_ColumnsInOtherOrder_StoresInContractOrder()
    {
        Batch.WithDataset("ssd_person", "pers_dob,pers_sex,pers_person_id\n2010-05-06,F,P1\n");

        var sut = await ReadAsync();

        Assert.Equal([Pseudonym("P1"), "F", null, new DateOnly(2010, 5, 6), null], sut.Datasets[0].Rows[0].Values);
    }

    [Fact]
    public async Task ReadAsync_UnknownColumns_NeverReachTheBatch()
    {
        Batch.WithDataset("ssd_person", """
            pers_forename,pers_person_id,pers_nhs_number,pers_sex,pers_address,pers_dob,pers_forename
            Secretname,P1,9434765919,F,"1 Secret Road, Townsville",2010-05-06,Secretname
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var values = sut.Datasets[0].Rows.SelectMany(r => r.Values).Select(v => v?.ToString() ?? string.Empty).ToList();
        Assert.Equal(5, sut.Datasets[0].Rows[0].Values.Length);
        Assert.DoesNotContain(values, v => v.Contains("Secret", StringComparison.Ordinal) || v.Contains("9434765919", StringComparison.Ordinal));
        Assert.DoesNotContain(values, v => v == "P1");
        var report = ValidationReport.Create(Batch.Build(), sut);
        Assert.DoesNotContain("Secret", report.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("9434765919", report.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_ContractColumnNamedTwice_IsFileError()
    {
        Batch.WithDataset("ssd_person", "pers_person_id,pers_sex,PERS_SEX\nP1,F,M\n");

        var sut = await ReadAsync();

        Assert.True(sut.IsRejected);
        var issue = Assert.Single(sut.Issues, i => i.Rule == ValidationRule.ColumnNamedTwice);
        Assert.Equal(IssueSeverity.FileError, issue.Severity);
        Assert.Equal("pers_sex", issue.Column);
        Assert.Equal(1, sut.Datasets[0].RowsRejected);
    }

    [Fact]
    public async Task ReadAsync_BlankLines_AreNotRecords()
    {
        Batch.WithDataset("ssd_person", $"\n{PersonHeader}\n\nP1,F,,\n   \n\r\nP2,M,,\n\n\n", rows: 2);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var people = sut.Datasets[0];
        Assert.Equal(2, people.RowsRead);
        Assert.Equal([1L, 2L], people.Rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task ReadAsync_QuotedFields_FollowRfc4180()
    {
        Batch.WithDataset("ssd_cin_episodes", """
            cine_referral_id,cine_person_id,cine_referral_date,cine_referral_team
            "R1","P1","2019-04-02","Team ""A"", North"
            R2,P2,2019-04-03,"Two
            lines"
            R3 , P3 ,  2019-04-04  ," Padded "
            """, rows: 3);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var rows = sut.Datasets[0].Rows;
        Assert.Equal(3, rows.Count);
        Assert.Equal(["R1", Pseudonym("P1"), new DateOnly(2019, 4, 2), null, null, null, "Team \"A\", North"], rows[0].Values);
        Assert.Equal("Two\nlines", ((string)rows[1].Values[6]!).ReplaceLineEndings("\n"));
        Assert.Equal(["R3", Pseudonym("P3"), new DateOnly(2019, 4, 4), null, null, null, "Padded"], rows[2].Values);
    }

    [Fact]
    public async Task ReadAsync_FileNotUtf8_IsUnreadableFileError()
    {
        var bytes = Encoding.Latin1.GetBytes($"{PersonHeader}\nP1,F,Irish Traveller é,2010-05-06\n");
        Batch.WithDatasetBytes("ssd_person", bytes);

        var sut = await ReadAsync();

        Assert.True(sut.IsRejected);
        Assert.Contains(sut.Issues, i => i.Severity == IssueSeverity.FileError && i.Rule == ValidationRule.FileUnreadable);
        var people = sut.Datasets[0];
        Assert.Equal(people.RowsRead, people.RowsAccepted + people.RowsRejected);
        Assert.Empty(people.Rows);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_IsFileError()
    {
        Batch.WithDataset("ssd_person", string.Empty);

        var sut = await ReadAsync();

        Assert.True(sut.IsRejected);
        Assert.Contains(sut.Issues, i => i.Severity == IssueSeverity.FileError && i.Rule == ValidationRule.HeaderMissing);
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_IsAnEmptyDataset()
    {
        Batch.WithDataset("ssd_person", PersonHeader + "\n");

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(0, sut.Datasets[0].RowsRead);
    }
}
