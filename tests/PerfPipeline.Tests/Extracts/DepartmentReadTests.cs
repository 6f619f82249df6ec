namespace PerfPipeline.Tests.Extracts;

using PerfPipeline.Extracts;

/// <summary>
/// <c>ssd_department</c> as SSD exports it: read like every dataset (its key the team id, duplicates and empty ids
/// rejected with where and why, rows read = loaded + rejected), never pseudonymised, the parent's name not read.
/// </summary>
public sealed class DepartmentReadTests : ExtractReaderTestBase
{
    private const string SsdHeader = "dept_team_id,dept_team_name,dept_team_parent_id,dept_team_parent_name";

    [Fact]
    public async Task ReadAsync_SsdExport_KeepsIdNameAndParentInClearAndNotTheParentsName()
    {
        Batch.WithDataset("ssd_department", $"""
            {SsdHeader}
            10,Children's Social Care,NULL,NULL
             40 ,Assessment Team North,10,Children's Social Care
            41,,10,Children's Social Care
            """);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        var departments = Assert.Single(sut.Datasets);
        Assert.Same(ExtractContract.Departments, departments.Contract);
        Assert.Equal((3, 3, 0), (departments.RowsRead, departments.RowsAccepted, departments.RowsRejected));
        Assert.Equal(
            [["10", "Children's Social Care", null], ["40", "Assessment Team North", "10"], ["41", null, "10"]],
            departments.Rows.Select(r => r.Values.Select(v => (string?)v).ToArray()));
        Assert.DoesNotContain(sut.Issues, i => i.Dataset == "ssd_department" && i.Severity != IssueSeverity.Warning);
    }

    [Fact]
    public async Task ReadAsync_DuplicateAndEmptyIds_AreRejectedWithWhereAndWhyAndCounted()
    {
        var rows = Enumerable.Range(100, 60).Select(id => $"{id},Team {id},10,").ToList();
        rows[4] = "103,Team 103 again,10,";
        rows[9] = ",Team without an id,10,";
        Batch.WithDataset("ssd_department", $"{SsdHeader}\n{string.Join('\n', rows)}\n");

        var sut = await ReadAsync();

        // 3 of 60 rows is within the 5% a dataset may lose: the batch loads without them.
        Assert.False(sut.IsRejected, sut.RejectionReason);
        var departments = Assert.Single(sut.Datasets);
        Assert.Equal(60, departments.RowsRead);
        Assert.Equal(3, departments.RowsRejected);
        Assert.Equal(departments.RowsRead, departments.RowsAccepted + departments.RowsRejected);
        Assert.DoesNotContain(departments.Rows, r => (string?)r.Values[0] is "103" or null);

        var duplicates = sut.Issues.Where(i => i.Rule == ValidationRule.DuplicatePrimaryKey).ToList();
        Assert.Equal([4L, 5L], duplicates.Select(i => i.Row!.Value));
        Assert.All(duplicates, i => Assert.Equal(("ssd_department", "dept_team_id", "103", IssueSeverity.RowError), (i.Dataset, i.Column, i.Value, i.Severity)));
        var empty = Assert.Single(sut.Issues, i => i.Row == 10);
        Assert.Equal(("ssd_department", "dept_team_id", IssueSeverity.RowError, ValidationRule.RequiredValueMissing), (empty.Dataset, empty.Column, empty.Severity, empty.Rule));
        Assert.Contains("required", empty.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
