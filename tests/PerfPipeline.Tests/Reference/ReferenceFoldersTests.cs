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

    private static RawReferenceFile LaFile(string la, string name, string csv) =>
        new(ReferenceScope.La, la, $"{la}/reference/{name}", Encoding.UTF8.GetBytes(csv));
}
