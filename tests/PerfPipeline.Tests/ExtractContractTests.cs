namespace PerfPipeline.Tests;

using PerfPipeline.Extracts;

public sealed class ExtractContractTests
{
    [Fact]
    public void Datasets_AreTheEighteenOfTheContract()
    {
        Assert.Equal(18, ExtractContract.Datasets.Count);
        Assert.Equal(14, ExtractContract.Datasets.Count(d => d.Kind == DatasetKind.Event));
        Assert.Equal(4, ExtractContract.Datasets.Count(d => d.Kind == DatasetKind.Snapshot));
    }

    [Fact]
    public void Departments_AreSsdsTableWithItsColumnNamesKeyedByTheTeamId()
    {
        var sut = ExtractContract.Departments;

        // SSD 1.4.5's own names (docs/ssd/columns-by-system.csv), in every system's script.
        Assert.Same(sut, ExtractContract.Find("ssd_department"));
        Assert.Equal(["dept_team_id", "dept_team_name", "dept_team_parent_id"], sut.Columns.Select(c => c.Name));
        Assert.Equal("dept_team_id", sut.PrimaryKey.Name);
        Assert.Equal(["dept_team_id"], sut.Columns.Where(c => c.Required).Select(c => c.Name));
        Assert.DoesNotContain(sut.Columns, c => c.Kind == ColumnKind.PersonId);
        Assert.Null(SsdCatalogue.OtherTable("ssd_department.csv"));
        Assert.True(SsdCatalogue.IsArchived("ssd_department.csv"));
    }

    [Fact]
    public void Datasets_HaveRequiredPrimaryKeysAndUniqueStoredColumns()
    {
        foreach (var dataset in ExtractContract.Datasets)
        {
            Assert.True(dataset.PrimaryKey.Required, dataset.Name);
            Assert.Equal(dataset.Columns.Count, dataset.Columns.Select(c => c.StoredAs).Distinct().Count());
            foreach (var range in dataset.DateRanges)
            {
                Assert.Equal(ColumnKind.Date, dataset.Columns[dataset.IndexOf(range.Start)].Kind);
                Assert.Equal(ColumnKind.Date, dataset.Columns[dataset.IndexOf(range.End)].Kind);
            }
        }
    }
}
