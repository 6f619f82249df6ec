namespace PerfPipeline.Tests.Generation;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Generation;
using PerfPipeline.Generation.Profile;
using PerfPipeline.Tests.TestSupport;

/// <summary>The committed seeds are exactly what the generator writes, and each batch is clean on its own.</summary>
public sealed class SeedExtractsTests
{
    private static readonly string Committed = RepositoryRoot.File("seeds", "extracts");

    [Fact]
    public async Task WriteAsync_WokinghamProfile_MatchesCommittedSeedsByteForByte()
    {
        using var temp = new TempDirectory();
        var profile = SeedProfileJson.Load(RepositoryRoot.File("seeds", "profiles", "wokingham-2019-20-q2.json"));

        await SeedBatches.WriteAsync(profile, temp.Path, TestContext.Current.CancellationToken);

        var written = Files(temp.Path);
        Assert.Equal(Files(Committed), written);
        foreach (var file in written)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(temp.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(Committed, file))),
                $"{file} differs from the committed seed: regenerate with `perfpipeline generate --profile seeds/profiles/wokingham-2019-20-q2.json --out seeds/extracts`.");
        }
    }

    [Theory]
    [InlineData("2018-09-30")]
    [InlineData("2019-03-31")]
    [InlineData("2019-09-30")]
    public async Task ReadAsync_CommittedSeedBatch_IsAcceptedWithoutAnyIssue(string asAt)
    {
        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions { ExtractsRoot = Committed });
        var sut = new ExtractReader(TestKeys.NewKey(), new FakeTimeProvider(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        var batch = await sut.ReadAsync(source, new BatchLocation("872", DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture)), TestContext.Current.CancellationToken);

        Assert.False(batch.IsRejected, batch.RejectionReason);
        Assert.True(batch.Issues.Count == 0, string.Join('\n', batch.Issues.Select(i => $"{i.Severity} {i.Dataset} row {i.Row} {i.Column}={i.Value}: {i.Reason}")));
        Assert.All(batch.Datasets, d => Assert.Equal(0, d.RowsRejected));
        Assert.Equal(asAt == "2018-09-30" ? 15 : 17, batch.Datasets.Count);
    }

    /// <summary>The batch files; reference/ folders hold reference data (comparators, an LA's targets), which the generator does not write.</summary>
    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("reference/", StringComparison.Ordinal) && !f.Contains("/reference/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
}
