namespace PerfPipeline.Tests.Reference;

using System.Text;

using PerfPipeline.Indicators;
using PerfPipeline.Reference;

/// <summary>The one reader of reference files: each bad value refuses the file, naming file, row, column and value.</summary>
public sealed class ReferenceFoldersTests
{
    [Theory]
    [InlineData("indicator,target,tolerance,source,from_date\nCSC_REFERRALS,90,5,national,2019-04-01\n", "row 1 column source value 'national'")]
    [InlineData("indicator,target,tolerance,source,from_date\nCSC_REFERRALS,ninety,5,local,2019-04-01\n", "row 1 column target value 'ninety'")]
    [InlineData("indicator,target,tolerance,source,from_date\nCSC_REFERRALS,90,-1,local,2019-04-01\n", "row 1 column tolerance value '-1'")]
    [InlineData("indicator,target,tolerance,source,from_date\nCSC_REFERRALS,90,5,local,01/04/2019\n", "row 1 column from_date value '01/04/2019'")]
    [InlineData("indicator,target,tolerance,source,from_date\nNOT_AN_INDICATOR,90,5,local,2019-04-01\n", "row 1 column indicator value 'NOT_AN_INDICATOR'")]
    public void Read_BadTargetsRow_RefusesNamingTheFileRowColumnAndValue(string csv, string expected)
    {
        var error = Assert.Throws<ReferenceImportException>(() => ReferenceFolders.Read([LaFile("872", "targets.csv", csv)]));

        Assert.Contains("872/reference/targets.csv " + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SeedsTargets_OnlyWokinghamsStatedTargets()
    {
        var raw = LaFile("872", "targets.csv", File.ReadAllText(RepositoryRoot.File("seeds", "extracts", "872", "reference", "targets.csv")));

        var file = Assert.Single(ReferenceFolders.Read([raw]).Files);

        Assert.Equal(
            [(IndicatorCodes.CscAssessments45WdPct, 90m), (IndicatorCodes.EhcpIssuedWithin20WeeksPct, 100m)],
            file.Targets.Select(t => (t.IndicatorCode, t.Target)));
    }

    [Fact]
    public void ShippedComparators_ReadByTheOneReader_HaveTheirPeriodEnds()
    {
        var sut = PerfPipeline.Reporting.ReportingReference.Shipped.Comparators;

        var assessments = Assert.Single(sut, c => c.IndicatorCode == IndicatorCodes.CscAssessments45WdPct);
        Assert.Equal(("England", "2018-19", new DateOnly(2019, 3, 31), 82.7m), (assessments.Geography, assessments.Period, assessments.PeriodEnd, assessments.Value));
        Assert.Equal(new DateOnly(2018, 12, 31), Assert.Single(sut, c => c.IndicatorCode == IndicatorCodes.EhcpIssuedWithin20WeeksPct).PeriodEnd);
    }

    [Fact]
    public void Read_FolderWithAManifest_TakesEachFilesSourceAndPublicationDate()
    {
        const string csv = "indicator,target,tolerance,source,from_date\nCSC_REFERRALS,90,5,local,2019-04-01\n";
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
        var manifest = LaFile("872", "manifest.json", $$"""{ "files": [ { "file": "targets.csv", "sha256": "{{sha256}}", "source": " Council plan ", "published": "2019-03-01" } ] }""");

        var file = Assert.Single(ReferenceFolders.Read([manifest, LaFile("872", "targets.csv", csv)]).Files);

        Assert.Equal(("Council plan", new DateOnly(2019, 3, 1), sha256), (file.Source, file.PublishedOn, file.Sha256));
    }

    [Theory]
    [InlineData("""{ "files": [ { "file": "targets.csv" } ] }""", "a reference manifest lists files, each with file and sha256")]
    [InlineData("""{ "other": 1 }""", "a reference manifest lists files, each with file and sha256")]
    [InlineData("""{ "files": [ { "file": "targets.csv", """, "not valid JSON: Expected start of a property name or value, but instead reached end of data. Path: $.files[0] | LineNumber: 0 | BytePositionInLine: 38.")]
    [InlineData("""{ "files": 5 }""", "not valid JSON: The JSON value could not be converted to System.Collections.Generic.IReadOnlyList`1[PerfPipeline.Reference.ReferenceFolders+ManifestEntryJson]. Path: $.files | LineNumber: 0 | BytePositionInLine: 12.")]
    public void Read_ManifestOfAnotherShape_RefusesTheFolder(string json, string expected)
    {
        var error = Assert.Throws<ReferenceImportException>(() => ReferenceFolders.Read([LaFile("872", "manifest.json", json)]));

        var issue = Assert.Single(error.Issues);
        Assert.Equal(("872/reference/manifest.json", expected), (issue.Path, issue.Reason));
    }

    private static RawReferenceFile LaFile(string la, string name, string csv) =>
        new(ReferenceScope.La, la, $"{la}/reference/{name}", Encoding.UTF8.GetBytes(csv));
}
