namespace PerfPipeline.Tests.PowerBi;

using System.Text.Json.Nodes;

using PerfPipeline.Indicators;
using PerfPipeline.Tests.PowerBi.Report;
using PerfPipeline.Tests.PowerBi.Tmdl;

public sealed class ReportDefinitionTests
{
    private readonly ReportDefinition _sut = ReportDefinition.Load(PowerBiProject.ReportDefinition);
    private readonly SemanticModel _model = SemanticModel.Load(PowerBiProject.ModelDefinition);

    [Fact]
    public void FieldReferences_OfEveryPageAndVisual_ResolveToColumnsAndMeasuresOfTheModel()
    {
        var documents = _sut.Pages.Select(p => (p.Name, (JsonNode)p.Json)).Concat(_sut.Visuals.Select(v => (v.Name, (JsonNode)v.Json)));
        var unresolved = new List<string>();
        var count = 0;
        foreach (var (name, json) in documents)
        {
            foreach (var (kind, entity, property) in ReportDefinition.FieldReferences(json))
            {
                count++;
                var table = _model.Table(entity);
                var resolved = kind == "Column"
                    ? table?.Column(property) is not null
                    : table?.Measures.Any(m => m.Name == property) == true;
                if (!resolved)
                {
                    unresolved.Add($"{name}: {kind} {entity}.{property}");
                }
            }
        }

        Assert.True(count > 100, $"Only {count} field references found.");
        Assert.Empty(unresolved);
    }

    [Fact]
    public void TrendPages_EveryCatalogueIndicator_HasALineChartOnThePageOfItsItem()
    {
        foreach (var indicator in IndicatorCatalogue.All)
        {
            var page = Assert.Single(_sut.Pages, p => p.FilterValues["Indicator.Item"].Contains($"{indicator.Item.Number}L"));
            var chart = Assert.Single(page.Visuals, v => v.FilterValues["Indicator.Indicator code"].Contains($"'{indicator.Code}'"));
            Assert.Equal("lineChart", chart.VisualType);
            Assert.Contains("Indicator value.Current value", chart.Projections);
            Assert.Contains("Period.Period code", chart.Projections);
        }
    }

    [Fact]
    public void TrendPages_EachItem_HasLocalAuthorityAndPeriodSlicers()
    {
        foreach (var item in IndicatorCatalogue.Items)
        {
            var page = Assert.Single(_sut.Pages, p => p.FilterValues["Indicator.Item"].Contains($"{item.Number}L"));
            var sliced = page.Visuals.Where(v => v.VisualType == "slicer").SelectMany(v => v.Projections);
            Assert.Contains("Local authority.LA name", sliced);
            Assert.Contains("Period.Period type", sliced);
            Assert.Contains("Date.Date", sliced);
        }
    }

    [Fact]
    public void Overview_EachDashboardItem_HasATableOfItsMeasuresWithThreePeriodsDirectionAndNationalValue()
    {
        var overview = Assert.Single(_sut.Pages, p => p.Name == (string?)_sut.PagesMetadata["activePageName"]);

        foreach (var item in IndicatorCatalogue.Items)
        {
            var table = Assert.Single(overview.Visuals, v => v.FilterValues["Indicator.Item"].Contains($"{item.Number}L"));
            Assert.Equal("tableEx", table.VisualType);
            Assert.Equal(
                [
                    "Indicator.Label",
                    "Indicator value.Previous financial year (display)",
                    "Indicator value.Same period last year (display)",
                    "Indicator value.Current value (display)",
                    "Indicator value.Direction",
                    "Indicator value.Target (display)",
                    "Indicator value.RAG",
                    "Indicator value.National value (display)",
                ],
                table.Projections);
        }

        Assert.Contains(overview.Visuals, v => v.VisualType == "slicer" && v.Projections.Contains("Local authority.LA name"));
        Assert.Contains(overview.Visuals, v => v.VisualType == "slicer" && v.Projections.Contains("Period.Period code"));
    }

    [Fact]
    public void Overview_EachDashboardItem_ColoursTheRagCellByTheRagColourMeasure()
    {
        var overview = Assert.Single(_sut.Pages, p => p.Name == (string?)_sut.PagesMetadata["activePageName"]);

        foreach (var item in IndicatorCatalogue.Items)
        {
            var table = Assert.Single(overview.Visuals, v => v.FilterValues["Indicator.Item"].Contains($"{item.Number}L"));
            var formats = table.Json["visual"]!["objects"]!["values"]!.AsArray();
            var rag = Assert.Single(formats, f => (string?)f!["selector"]?["metadata"] == "Indicator value.RAG");
            var colour = rag!["properties"]!["backColor"]!["solid"]!["color"]!["expr"]!["Measure"]!;
            Assert.Equal(("Indicator value", "RAG colour"), ((string?)colour["Expression"]!["SourceRef"]!["Entity"], (string?)colour["Property"]));
        }
    }

    [Fact]
    public void PageOrder_ListsEveryPageFolderOnce()
    {
        var order = _sut.PagesMetadata["pageOrder"]!.AsArray().Select(n => (string)n!).ToList();

        Assert.Equal(_sut.Pages.Select(p => p.Name).Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        Assert.All(_sut.Pages, p => Assert.Equal(p.Name, Path.GetFileName(p.Folder)));
        Assert.All(_sut.Visuals, v => Assert.Equal(v.Name, Path.GetFileName(Path.GetDirectoryName(v.Path))));
    }

    [Fact]
    public void ProjectFiles_Paths_LeadToTheReportAndItsSemanticModel()
    {
        var project = ReportJson.Read(PowerBiProject.ProjectFile);
        var reportPath = (string)project["artifacts"]![0]!["report"]!["path"]!;
        var definition = ReportJson.Read(Path.Combine(PowerBiProject.Root, reportPath, "definition.pbir"));
        var modelPath = (string)definition["datasetReference"]!["byPath"]!["path"]!;

        Assert.Equal(Path.GetFullPath(PowerBiProject.Report), Path.GetFullPath(Path.Combine(PowerBiProject.Root, reportPath)));
        Assert.Equal(
            Path.GetFullPath(PowerBiProject.SemanticModel),
            Path.GetFullPath(Path.Combine(PowerBiProject.Report, modelPath)));
        Assert.True(File.Exists(Path.Combine(PowerBiProject.SemanticModel, "definition.pbism")));
    }
}
