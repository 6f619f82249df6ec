namespace PerfPipeline.Tests.Batches;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;

public sealed class LocalFolderBatchSourceTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalFolderBatchSource _sut;

    public LocalFolderBatchSourceTests()
    {
        _sut = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = _temp.File("extracts"),
            ArchiveRoot = _temp.File("archive"),
            QuarantineRoot = _temp.File("quarantine"),
        });
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindBatchesAsync_MixedFolders_ListsOnlyCompleteBatchesInOrder()
    {
        NewBatch("872", "2019-09-30");
        NewBatch("872", "2019-08-31");
        NewBatch("873", "2019-09-30");
        Builder("872", "2019-10-31").WithoutManifest().Build();
        Directory.CreateDirectory(_temp.File("extracts/872/not-a-date"));
        File.WriteAllText(_temp.File("extracts/872/not-a-date/manifest.json"), "{}");
        Directory.CreateDirectory(_temp.File("extracts/0872/2019-09-30"));
        File.WriteAllText(_temp.File("extracts/0872/2019-09-30/manifest.json"), "{}");
        Directory.CreateDirectory(_temp.File("extracts/readme"));

        var batches = await _sut.FindBatchesAsync(Token).ToListAsync(Token);

        Assert.Equal(["872/2019-08-31", "872/2019-09-30", "873/2019-09-30"], batches.Select(b => b.Path));
    }

    [Fact]
    public async Task FindBatchesAsync_NoExtractsFolder_ListsNothing()
    {
        Assert.Empty(await _sut.FindBatchesAsync(Token).ToListAsync(Token));
    }

    [Fact]
    public async Task OpenFileAsync_MissingFile_ReturnsNull()
    {
        var batch = NewBatch("872", "2019-09-30");

        Assert.Null(await _sut.OpenFileAsync(batch, "ssd_missing.csv", Token));
        await using var manifest = await _sut.OpenFileAsync(batch, "manifest.json", Token);
        Assert.NotNull(manifest);
    }

    [Theory]
    [InlineData("../manifest.json")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    public async Task OpenFileAsync_PathOutsideBatch_Throws(string fileName)
    {
        var batch = NewBatch("872", "2019-09-30");

        await Assert.ThrowsAsync<ArgumentException>(() => _sut.OpenFileAsync(batch, fileName, Token));
    }

    [Fact]
    public async Task ArchiveAsync_Batch_CopiesEveryFileAndLeavesOriginalsUntouched()
    {
        var batch = NewBatch("872", "2019-09-30");
        var folder = _temp.File("extracts/872/2019-09-30");
        var before = Snapshot(folder);

        await _sut.ArchiveAsync(batch, "load-1", Token);

        Assert.Equal(before, Snapshot(folder));
        var archived = _temp.File("archive/872/2019-09-30/load-1");
        Assert.Equal(before.Select(f => (f.Name, f.Bytes)), Snapshot(archived).Select(f => (f.Name, f.Bytes)));
        Assert.Equal(["load-1"], Directory.GetDirectories(_temp.File("archive/872/2019-09-30")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ArchiveAsync_SameLoadTwice_KeepsFirstCopy()
    {
        var batch = NewBatch("872", "2019-09-30");
        await _sut.ArchiveAsync(batch, "load-1", Token);
        File.AppendAllText(_temp.File("extracts/872/2019-09-30/ssd_person.csv"), "P9\n");

        await _sut.ArchiveAsync(batch, "load-1", Token);

        Assert.DoesNotContain("P9", File.ReadAllText(_temp.File("archive/872/2019-09-30/load-1/ssd_person.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchiveAsync_StalePartialCopy_IsReplacedByCompleteCopy()
    {
        var batch = NewBatch("872", "2019-09-30");
        var stale = _temp.File("archive/872/2019-09-30/.load-1.partial-0123");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "manifest.json"), "half");

        await _sut.ArchiveAsync(batch, "load-1", Token);

        Assert.Equal(["load-1"], Directory.GetDirectories(_temp.File("archive/872/2019-09-30")).Select(Path.GetFileName));
        Assert.Equal(File.ReadAllText(_temp.File("extracts/872/2019-09-30/manifest.json")), File.ReadAllText(_temp.File("archive/872/2019-09-30/load-1/manifest.json")));
    }

    [Fact]
    public async Task QuarantineAsync_Batch_CopiesFilesWithReportAndLeavesOriginalsUntouched()
    {
        var batch = NewBatch("872", "2019-09-30");
        var folder = _temp.File("extracts/872/2019-09-30");
        var before = Snapshot(folder);
        var report = new ValidationReport("""{ "verdict": "rejected" }""", "Verdict: rejected");

        await _sut.QuarantineAsync(batch, "load-2", report, Token);

        Assert.Equal(before, Snapshot(folder));
        var quarantined = _temp.File("quarantine/872/2019-09-30/load-2");
        Assert.Equal(report.Json, File.ReadAllText(Path.Combine(quarantined, "errors.json")));
        Assert.Equal(report.Summary, File.ReadAllText(Path.Combine(quarantined, "summary.txt")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "ssd_person.csv")), File.ReadAllBytes(Path.Combine(quarantined, "ssd_person.csv")));
        Assert.False(Directory.Exists(_temp.File("archive")));
    }

    [Fact]
    public async Task OpenArchivedFileAsync_ArchivedOrQuarantined_ReadsCopy()
    {
        var batch = NewBatch("872", "2019-09-30");
        await _sut.ArchiveAsync(batch, "load-1", Token);
        await _sut.QuarantineAsync(batch, "load-2", new ValidationReport("{}", "x"), Token);
        Directory.Delete(_temp.File("extracts"), recursive: true);

        await using var archived = await _sut.OpenArchivedFileAsync(batch, "load-1", "ssd_person.csv", Token);
        await using var quarantined = await _sut.OpenArchivedFileAsync(batch, "load-2", "ssd_person.csv", Token);

        Assert.NotNull(archived);
        Assert.NotNull(quarantined);
        Assert.Null(await _sut.OpenArchivedFileAsync(batch, "load-3", "ssd_person.csv", Token));
        using var reader = new StreamReader(archived);
        Assert.StartsWith("pers_person_id", await reader.ReadToEndAsync(Token), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private BatchBuilder Builder(string la, string asAt) =>
        new BatchBuilder(_temp.File("extracts"), la, asAt).WithDataset("ssd_person", "pers_person_id\nP1\nP2\n");

    private BatchLocation NewBatch(string la, string asAt) => Builder(la, asAt).Build();

    private static List<(string Name, string Bytes, DateTime Modified)> Snapshot(string folder) =>
        [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), Convert.ToBase64String(File.ReadAllBytes(f)), File.GetLastWriteTimeUtc(f)))];
}
