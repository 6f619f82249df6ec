namespace PerfPipeline.Tests.Generation;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Generation;
using PerfPipeline.Tests.TestSupport;

public sealed class ScaleGeneratorTests
{
    [Fact]
    public async Task WriteAsync_ScaleOneForOneYear_WritesEveryDatasetAsAValidBatch()
    {
        using var temp = new TempDirectory();
        var options = new ScaleOptions(Scale: 1, Years: 1);

        var sut = await ScaleGenerator.WriteAsync(options, temp.Path, TestContext.Current.CancellationToken);

        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions { ExtractsRoot = temp.Path });
        var reader = new ExtractReader(TestKeys.NewKey(), new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var batch = await reader.ReadAsync(source, new BatchLocation(options.LaCode, options.AsAt), TestContext.Current.CancellationToken);
        Assert.False(batch.IsRejected, batch.RejectionReason);
        Assert.DoesNotContain(batch.Issues, i => i.Severity != IssueSeverity.Warning);
        Assert.DoesNotContain(batch.Issues, i => i.Rule == ValidationRule.UnknownSourceSystem);
        Assert.Null(batch.Manifest!.SourceSystem);
        Assert.Equal(ExtractContract.Datasets.Count - 1, batch.Datasets.Count);
        Assert.DoesNotContain(batch.Datasets, d => d.Contract == ExtractContract.Departments);
        Assert.All(batch.Datasets, d => Assert.True(d.RowsAccepted > 0 && d.RowsRejected == 0, d.Contract.Name));
        Assert.Equal(sut.Rows, batch.Datasets.Sum(d => d.RowsRead));
    }

    [Fact]
    public async Task WriteAsync_LargerScale_WritesProportionallyMoreRows()
    {
        using var small = new TempDirectory();
        using var large = new TempDirectory();

        var one = await ScaleGenerator.WriteAsync(new ScaleOptions(1, 1), small.Path, TestContext.Current.CancellationToken);
        var four = await ScaleGenerator.WriteAsync(new ScaleOptions(2, 2), large.Path, TestContext.Current.CancellationToken);

        Assert.InRange(four.Rows, one.Rows * 3.5, one.Rows * 4.5);
    }

    [Fact]
    public async Task WriteAsync_SameOptionsTwice_WritesTheSameBytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var options = new ScaleOptions(1, 1) { Seed = 7 };

        var a = await ScaleGenerator.WriteAsync(options, first.Path, TestContext.Current.CancellationToken);
        var b = await ScaleGenerator.WriteAsync(options, second.Path, TestContext.Current.CancellationToken);

        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(a.Folder, "manifest.json"), TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(Path.Combine(b.Folder, "manifest.json"), TestContext.Current.CancellationToken));
    }
}
