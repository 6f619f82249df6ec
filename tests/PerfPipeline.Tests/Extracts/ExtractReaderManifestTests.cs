namespace PerfPipeline.Tests.Extracts;

using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

/// <summary>Manifest parsing and verification.</summary>
public sealed class ExtractReaderManifestTests : ExtractReaderTestBase
{
    private const string People = "pers_person_id,pers_dob\nP1,2010-05-06\nP2,2011-05-06\n";

    [Fact]
    public async Task ReadAsync_ValidManifest_IsParsedAndHashed()
    {
        Batch.WithDataset("ssd_person", People);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.NotNull(sut.Manifest);
        Assert.Equal(("872", "Wokingham", new DateOnly(2019, 9, 30), "Mosaic"), (sut.Manifest.LaCode, sut.Manifest.LaName, sut.Manifest.AsAt, sut.Manifest.SourceSystem));
        var entry = Assert.Single(sut.Manifest.Datasets);
        Assert.Equal(("ssd_person", "ssd_person.csv", 2L), (entry.Name, entry.File, entry.Rows));
        var manifestBytes = File.ReadAllBytes(Path.Combine(Batch.Folder, "manifest.json"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), sut.ManifestSha256);
    }

    [Fact]
    public async Task ReadAsync_NoRowsOrChecksumListed_IsAccepted()
    {
        Batch.WithDataset("ssd_person", People, listRows: false, listSha256: false);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(2, sut.Datasets[0].RowsAccepted);
    }

    [Fact]
    public async Task ReadAsync_ChecksumInUpperCase_Matches()
    {
        var sha = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(People)));
        Batch.WithDataset("ssd_person", People, sha256: sha);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
    }

    [Fact]
    public async Task ReadAsync_ManifestMissing_IsFileError()
    {
        Batch.WithDataset("ssd_person", People).WithoutManifest();

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.ManifestMissing);
        Assert.Null(sut.Manifest);
        Assert.Empty(sut.Datasets);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("""{ "as_at": "2019-09-30", "datasets": [] }""")]
    [InlineData("""{ "la_code": "872", "datasets": [] }""")]
    [InlineData("""{ "la_code": "872", "as_at": "2019-09-30" }""")]
    [InlineData("""{ "la_code": "872", "as_at": "30/09/2019", "datasets": [] }""")]
    [InlineData("""{ "la_code": 872, "as_at": "2019-09-30", "datasets": [] }""")]
    [InlineData("""{ "la_code": "872", "as_at": "2019-09-30", "datasets": [ { "name": "ssd_person" } ] }""")]
    [InlineData("""{ "la_code": "872", "as_at": "2019-09-30", "datasets": [ { "name": "ssd_person", "file": "p.csv", "rows": "two" } ] }""")]
    public async Task ReadAsync_ManifestNotValid_IsFileError(string json)
    {
        Batch.WithManifestJson(json);

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.ManifestInvalid);
        Assert.Null(sut.Manifest);
    }

    [Theory]
    [InlineData("87")]
    [InlineData("0872")]
    [InlineData("87a")]
    [InlineData("")]
    public async Task ReadAsync_LaCodeNotThreeDigits_IsFileError(string laCode)
    {
        Batch.WithDataset("ssd_person", People).WithManifestLaCode(laCode);

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.LaCodeMismatch);
    }

    [Fact]
    public async Task ReadAsync_LaCodeNotTheFolders_IsFileError()
    {
        Batch.WithDataset("ssd_person", People).WithManifestLaCode("873");

        var sut = await ReadAsync();

        Assert.Contains("872", AssertSingleFileError(sut, ValidationRule.LaCodeMismatch).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_AsAtNotTheFolders_IsFileError()
    {
        Batch.WithDataset("ssd_person", People).WithManifestAsAt("2019-08-31");

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.AsAtMismatch);
    }

    [Fact]
    public async Task ReadAsync_AsAtInTheFuture_IsFileError()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2019, 9, 29, 23, 0, 0, TimeSpan.Zero));
        Batch.WithDataset("ssd_person", People);

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.AsAtInFuture);
    }

    [Fact]
    public async Task ReadAsync_AsAtToday_IsAccepted()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2019, 9, 30, 0, 0, 1, TimeSpan.Zero));
        Batch.WithDataset("ssd_person", People);

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
    }

    [Fact]
    public async Task ReadAsync_UnknownDataset_IsIgnoredWithWarning()
    {
        Batch.WithDataset("ssd_person", People).WithDataset("la_addresses", "addr_id,addr_line\nA1,1 Secret Road\n");

        var sut = await ReadAsync();

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(["ssd_person"], sut.Datasets.Select(d => d.Contract.Name));
        var warning = Assert.Single(sut.Issues);
        Assert.Equal((IssueSeverity.Warning, ValidationRule.UnknownDataset, "la_addresses"), (warning.Severity, warning.Rule!.Value, warning.Dataset!));
    }

    [Fact]
    public async Task ReadAsync_ListedFileMissing_IsFileError()
    {
        Batch.WithDataset("ssd_person", People).WithListedButMissingFile("ssd_cin_episodes", "ssd_cin_episodes.csv");

        var sut = await ReadAsync();

        Assert.Equal("ssd_cin_episodes", AssertSingleFileError(sut, ValidationRule.FileMissing).Dataset);
    }

    [Fact]
    public async Task ReadAsync_RowCountMismatch_IsFileError()
    {
        Batch.WithDataset("ssd_person", People, rows: 3);

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.RowCountMismatch);
        Assert.Equal(2, sut.Datasets[0].RowsRead);
    }

    [Fact]
    public async Task ReadAsync_ChecksumMismatch_IsFileError()
    {
        Batch.WithDataset("ssd_person", People, sha256: new string('0', 64));

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.ChecksumMismatch);
    }

    [Fact]
    public async Task ReadAsync_DatasetListedTwice_IsFileError()
    {
        Batch.WithDataset("ssd_person", People).WithDataset("SSD_PERSON", People, file: "people2.csv");

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.DatasetListedTwice);
    }

    [Theory]
    [InlineData("../ssd_person.csv")]
    [InlineData("sub/ssd_person.csv")]
    [InlineData("..")]
    [InlineData("C:ssd_person.csv")]
    public async Task ReadAsync_FileOutsideBatchFolder_IsFileError(string file)
    {
        Batch.WithManifestJson($$"""{ "la_code": "872", "as_at": "2019-09-30", "datasets": [ { "name": "ssd_person", "file": "{{file}}" } ] }""");
        Batch.Build();
        File.WriteAllText(Temp.File("extracts/872/ssd_person.csv"), People);

        var sut = await ReadAsync();

        AssertSingleFileError(sut, ValidationRule.FileNameInvalid);
        Assert.Equal(0, sut.Datasets[0].RowsRead);
    }

    [Fact]
    public async Task ReadAsync_OpenerForArchivedCopy_ReadsTheSameBatch()
    {
        Batch.WithDataset("ssd_person", People);
        var location = Batch.Build();
        await Source.ArchiveAsync(location, "load-1", TestContext.Current.CancellationToken);
        Directory.Delete(Batch.Folder, recursive: true);

        var sut = await CreateReader().ReadAsync(location,
            (file, ct) => Source.OpenArchivedFileAsync(location, "load-1", file, ct), TestContext.Current.CancellationToken);

        Assert.False(sut.IsRejected, sut.RejectionReason);
        Assert.Equal(2, sut.Datasets[0].RowsAccepted);
    }

    [Fact]
    public async Task ReadAsync_OpenerFailsToOpen_IsUnreadableFileError()
    {
        Batch.WithDataset("ssd_person", People);
        var location = Batch.Build();
        BatchFileOpener failing = (file, ct) => file == "manifest.json"
            ? Source.OpenFileAsync(location, file, ct)
            : throw new IOException("disk on fire");

        var sut = await CreateReader().ReadAsync(location, failing, TestContext.Current.CancellationToken);

        Assert.Contains("disk on fire", AssertSingleFileError(sut, ValidationRule.FileUnreadable).Reason, StringComparison.Ordinal);
    }

    private static ValidationIssue AssertSingleFileError(ExtractBatch batch, ValidationRule rule)
    {
        Assert.True(batch.IsRejected);
        var issue = Assert.Single(batch.Issues, i => i.Severity == IssueSeverity.FileError);
        Assert.Equal(rule, issue.Rule);
        Assert.NotNull(batch.RejectionReason);
        Assert.Contains(issue.Reason, batch.RejectionReason, StringComparison.Ordinal);
        return issue;
    }
}
