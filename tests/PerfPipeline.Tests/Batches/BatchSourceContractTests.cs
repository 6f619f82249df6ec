namespace PerfPipeline.Tests.Batches;

using System.Text;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

/// <summary>What every batch source does, whatever it stores batches in. One sealed subclass per source.</summary>
public abstract class BatchSourceContractTests
{
    protected static readonly BatchLocation Wokingham = new("872", new DateOnly(2019, 9, 30));

    protected const string LoadId = "load-0001";

    /// <summary>Where a source keeps its copies.</summary>
    public enum CopyKind
    {
        Archive,
        Quarantine,
    }

    protected abstract IBatchSource Sut { get; }

    /// <summary>Puts a file where the LA's extract job would.</summary>
    protected abstract Task DropAsync(string path, string content);

    /// <summary>Reads a copy, or null when there is none.</summary>
    protected abstract Task<string?> ReadCopyAsync(CopyKind kind, BatchLocation batch, string loadId, string fileName);

    [Fact]
    public async Task FindBatchesAsync_FoldersWithAndWithoutManifest_FindsOnlyCompleteBatches()
    {
        await DropBatchAsync(Wokingham);
        await DropBatchAsync(new BatchLocation("873", new DateOnly(2019, 9, 30)));
        await DropAsync("872/2019-10-31/referrals.csv", "still being written"); // no manifest yet
        await DropAsync("872/not-a-date/manifest.json", "{}");
        await DropAsync("wokingham/2019-09-30/manifest.json", "{}");

        var found = await Sut.FindBatchesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["872/2019-09-30", "873/2019-09-30"], found.Select(b => b.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FindBatchesAsync_NothingDropped_FindsNothing()
    {
        var found = await Sut.FindBatchesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Empty(found);
    }

    [Fact]
    public async Task ListCopiesAsync_AfterArchiveAndQuarantine_ListsEachCopyWithItsKindAndWhenItWasWritten()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var other = new BatchLocation("873", new DateOnly(2019, 10, 31));
        await DropBatchAsync(Wokingham);
        await DropBatchAsync(other);
        await Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken);
        await Sut.QuarantineAsync(other, "load-0002", new ValidationReport("{}", "rejected"), TestContext.Current.CancellationToken);

        var copies = await Sut.ListCopiesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [(BatchCopyKind.Archive, "872/2019-09-30", LoadId), (BatchCopyKind.Quarantine, "873/2019-10-31", "load-0002")],
            copies.Select(c => (c.Kind, c.Batch.Path, c.LoadId)).OrderBy(c => c.Kind));
        Assert.All(copies, c => Assert.InRange(c.CopiedAt, before, DateTimeOffset.UtcNow.AddMinutes(5)));
    }

    [Theory]
    [InlineData(CopyKind.Archive)]
    [InlineData(CopyKind.Quarantine)]
    public async Task DeleteCopyAsync_OneCopy_RemovesItAndLeavesTheOthersAndTheOriginal(CopyKind kind)
    {
        var other = new BatchLocation("873", new DateOnly(2019, 10, 31));
        await DropBatchAsync(Wokingham);
        await DropBatchAsync(other);
        await CopyAsync(kind);
        await Sut.ArchiveAsync(other, "load-0002", TestContext.Current.CancellationToken);
        var copies = await Sut.ListCopiesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var doomed = Assert.Single(copies, c => c.LoadId == LoadId);

        var deleted = await Sut.DeleteCopyAsync(doomed, TestContext.Current.CancellationToken);
        var again = await Sut.DeleteCopyAsync(doomed, TestContext.Current.CancellationToken);

        Assert.True(deleted);
        Assert.False(again);
        var left = await Sut.ListCopiesAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["load-0002"], left.Select(c => c.LoadId));
        Assert.Null(await ReadCopyAsync(kind, Wokingham, LoadId, "manifest.json"));
        Assert.Null(await ReadCopyAsync(kind, Wokingham, LoadId, "referrals.csv"));
        Assert.Null(await Sut.OpenArchivedFileAsync(Wokingham, LoadId, "referrals.csv", TestContext.Current.CancellationToken));
        Assert.Equal(Referrals(other), await ReadCopyAsync(CopyKind.Archive, other, "load-0002", "referrals.csv"));
        Assert.Equal(Referrals(Wokingham), await ReadAsync(await Sut.OpenFileAsync(Wokingham, "referrals.csv", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task OpenFileAsync_FileOfTheBatch_ReturnsItsBytes()
    {
        await DropBatchAsync(Wokingham);

        var content = await ReadAsync(await Sut.OpenFileAsync(Wokingham, "referrals.csv", TestContext.Current.CancellationToken));

        Assert.Equal(Referrals(Wokingham), content);
    }

    [Fact]
    public async Task OpenFileAsync_MissingFile_ReturnsNull()
    {
        await DropBatchAsync(Wokingham);

        var stream = await Sut.OpenFileAsync(Wokingham, "assessments.csv", TestContext.Current.CancellationToken);

        Assert.Null(stream);
    }

    [Fact]
    public async Task ArchiveAsync_LoadedBatch_CopiesEveryFileUnderTheLoadIdAndKeepsTheOriginal()
    {
        await DropBatchAsync(Wokingham);

        await Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken);

        Assert.Equal(Manifest(Wokingham), await ReadCopyAsync(CopyKind.Archive, Wokingham, LoadId, "manifest.json"));
        Assert.Equal(Referrals(Wokingham), await ReadCopyAsync(CopyKind.Archive, Wokingham, LoadId, "referrals.csv"));
        Assert.Null(await ReadCopyAsync(CopyKind.Quarantine, Wokingham, LoadId, "referrals.csv"));
        Assert.Equal(Referrals(Wokingham), await ReadAsync(await Sut.OpenFileAsync(Wokingham, "referrals.csv", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ArchiveAsync_Twice_LeavesOneIdenticalCopy()
    {
        await DropBatchAsync(Wokingham);

        await Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken);
        await Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken);

        Assert.Equal(Referrals(Wokingham), await ReadCopyAsync(CopyKind.Archive, Wokingham, LoadId, "referrals.csv"));
    }

    [Fact]
    public async Task QuarantineAsync_RejectedBatch_CopiesItWithTheErrorReportAndSummary()
    {
        await DropBatchAsync(Wokingham);
        var report = new ValidationReport("""{"issues":[{"reason":"missing column"}]}""", "Rejected: referrals.csv has no referral_date column.");

        await Sut.QuarantineAsync(Wokingham, LoadId, report, TestContext.Current.CancellationToken);

        Assert.Equal(Referrals(Wokingham), await ReadCopyAsync(CopyKind.Quarantine, Wokingham, LoadId, "referrals.csv"));
        Assert.Equal(report.Json, await ReadCopyAsync(CopyKind.Quarantine, Wokingham, LoadId, BatchFileNames.ErrorReport));
        Assert.Equal(report.Summary, await ReadCopyAsync(CopyKind.Quarantine, Wokingham, LoadId, BatchFileNames.Summary));
        Assert.Null(await ReadCopyAsync(CopyKind.Archive, Wokingham, LoadId, "referrals.csv"));
        Assert.Equal(Manifest(Wokingham), await ReadAsync(await Sut.OpenFileAsync(Wokingham, "manifest.json", TestContext.Current.CancellationToken)));
    }

    [Theory]
    [InlineData(CopyKind.Archive)]
    [InlineData(CopyKind.Quarantine)]
    public async Task OpenArchivedFileAsync_OriginalChangedAfterwards_ReadsTheCopyAsItWas(CopyKind kind)
    {
        await DropBatchAsync(Wokingham);
        await CopyAsync(kind);
        await DropAsync($"{Wokingham.Path}/referrals.csv", "overwritten by a later extract");

        var content = await ReadAsync(await Sut.OpenArchivedFileAsync(Wokingham, LoadId, "referrals.csv", TestContext.Current.CancellationToken));

        Assert.Equal(Referrals(Wokingham), content);
    }

    [Fact]
    public async Task OpenArchivedFileAsync_UnknownLoad_ReturnsNull()
    {
        await DropBatchAsync(Wokingham);
        await Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken);

        var stream = await Sut.OpenArchivedFileAsync(Wokingham, "load-9999", "referrals.csv", TestContext.Current.CancellationToken);

        Assert.Null(stream);
    }

    protected static string Manifest(BatchLocation batch) =>
        $$"""{"la_code":"{{batch.LaCode}}","as_at":"{{batch.AsAt:yyyy-MM-dd}}","datasets":[{"name":"referrals","file":"referrals.csv"}]}""";

    protected static string Referrals(BatchLocation batch) =>
        $"referral_id,person_id,referral_date\nR1,P1,{batch.AsAt:yyyy-MM-dd}\n";

    protected async Task DropBatchAsync(BatchLocation batch)
    {
        await DropAsync($"{batch.Path}/referrals.csv", Referrals(batch));
        await DropAsync($"{batch.Path}/manifest.json", Manifest(batch)); // the extract job writes the manifest last
    }

    protected static async Task<string?> ReadAsync(Stream? stream)
    {
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
        }
    }

    private Task CopyAsync(CopyKind kind) => kind == CopyKind.Archive
        ? Sut.ArchiveAsync(Wokingham, LoadId, TestContext.Current.CancellationToken)
        : Sut.QuarantineAsync(Wokingham, LoadId, new ValidationReport("{}", "rejected"), TestContext.Current.CancellationToken);
}
