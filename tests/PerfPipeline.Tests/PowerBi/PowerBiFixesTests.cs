namespace PerfPipeline.Tests.PowerBi;

using System.Text.Json.Nodes;

using PerfPipeline.Tests.PowerBi.Report;
using PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>
/// The Power BI fixes, checked in the TMDL and PBIR as committed: the national value and the comparisons are blank
/// where the current value is (so trend axes end where the data does), the reporting-period slicer offers only periods
/// with data under their type (a code such as 2011-12, both a month and a year, is never ambiguous), and the
/// <c>.platform</c> files Fabric Git integration needs are there.
/// </summary>
public sealed class PowerBiFixesTests
{
    private readonly SemanticModel _model = SemanticModel.Load(PowerBiProject.ModelDefinition);
    private readonly ReportDefinition _report = ReportDefinition.Load(PowerBiProject.ReportDefinition);

    [Theory]
    [InlineData("National value")]
    [InlineData("Same period last year")]
    [InlineData("Previous financial year")]
    [InlineData("Comparison value")]
    public void Measure_NationalValueAndComparisons_AreBlankWhereTheCurrentValueIs(string name)
    {
        var measure = Assert.Single(_model.Measures, m => m.Name == name);

        Assert.Contains("NOT ISBLANK ( [Current value] )", Normalised(measure.Expression), StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_NationalValue_StillReadsTheIndicatorsComparator()
    {
        var measure = Assert.Single(_model.Measures, m => m.Name == "National value");

        Assert.Contains("SELECTEDVALUE ( Indicator[National value] )", Normalised(measure.Expression), StringComparison.Ordinal);
        Assert.Contains("HASONEVALUE ( Indicator[Indicator code] )", Normalised(measure.Expression), StringComparison.Ordinal);
    }

    [Fact]
    public void PeriodHasData_IsACalculatedColumnOverTheValues()
    {
        var column = Assert.Single(_model.Table("Period")!.Columns, c => c.Name == "Has data");

        Assert.Equal("boolean", column.DataType);
        Assert.Equal("NOT ISEMPTY ( RELATEDTABLE ( 'Indicator value' ) )", Normalised(column.Expression!));
        // RELATEDTABLE follows the relationship from the period (one side) to its values (many side).
        Assert.Contains(_model.Relationships, r => r.From.Table == "Indicator value" && r.To.Table == "Period");
    }

    [Fact]
    public void PeriodSlicer_Overview_OffersCodesUnderTheirTypeAndOnlyPeriodsWithData()
    {
        var slicer = Assert.Single(_report.Visuals, v => v.Name == "overview-period");

        Assert.Equal("slicer", slicer.VisualType);
        Assert.Equal(["Period.Period type", "Period.Period code"], slicer.Projections);
        Assert.Equal(["true"], slicer.FilterValues["Period.Has data"]);
    }

    [Theory]
    [InlineData("PerfDashboard.SemanticModel", "SemanticModel")]
    [InlineData("PerfDashboard.Report", "Report")]
    public void PlatformFile_EachItem_NamesItsTypeAndALogicalId(string folder, string type)
    {
        var path = Path.Combine(PowerBiProject.Root, folder, ".platform");

        Assert.True(File.Exists(path), $"{folder}/.platform is missing: Fabric Git integration cannot publish the item without it.");
        var platform = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal(type, (string?)platform["metadata"]?["type"]);
        Assert.Equal("PerfDashboard", (string?)platform["metadata"]?["displayName"]);
        Assert.Equal("2.0", (string?)platform["config"]?["version"]);
        Assert.True(Guid.TryParse((string?)platform["config"]?["logicalId"], out _));
    }

    [Fact]
    public void PlatformFiles_LogicalIds_AreDistinct()
    {
        var ids = new[] { "PerfDashboard.SemanticModel", "PerfDashboard.Report" }
            .Select(folder => (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(PowerBiProject.Root, folder, ".platform")))!["config"]!["logicalId"])
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    // TMDL indents multi-line expressions with tabs and line breaks; compare on single spaces.
    private static string Normalised(string dax) => string.Join(' ', dax.Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
