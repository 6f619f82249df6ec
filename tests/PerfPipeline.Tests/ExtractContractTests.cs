namespace PerfPipeline.Tests;

using PerfPipeline.Extracts;

public sealed class ExtractContractTests
{
    [Fact]
    public void Datasets_AreTheSeventeenOfTheContract()
    {
        Assert.Equal(17, ExtractContract.Datasets.Count);
        Assert.Equal(14, ExtractContract.Datasets.Count(d => d.Kind == DatasetKind.Event));
        Assert.Equal(3, ExtractContract.Datasets.Count(d => d.Kind == DatasetKind.Snapshot));
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
