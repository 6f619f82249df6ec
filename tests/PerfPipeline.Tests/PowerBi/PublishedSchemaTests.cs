namespace PerfPipeline.Tests.PowerBi;

using System.Text.Json;

using PerfPipeline.Tests.PowerBi.Schemas;

/// <summary>Every JSON file of the Power BI project validates against the published schema it names.</summary>
public sealed class PublishedSchemaTests
{
    // Built once: the report schemas are large, and the tests of one class run one after another.
    private static readonly PublishedSchemas Schemas = new(PowerBiProject.Schemas);

    private readonly PublishedSchemas _sut = Schemas;

    public static TheoryData<string> ProjectJsonFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(PowerBiProject.Root, "*", SearchOption.AllDirectories)
            .Where(p => !p.StartsWith(PowerBiProject.Schemas, StringComparison.Ordinal))
            .Where(p => Path.GetExtension(p) is ".json" or ".pbip" or ".pbir" or ".pbism")
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(PowerBiProject.Root, path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProjectJsonFiles))]
    public void Validate_ProjectFile_MeetsItsPublishedSchema(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PowerBiProject.Root, file)));

        var failures = _sut.Validate(document.RootElement);

        Assert.Empty(failures);
    }

    [Fact]
    public void ProjectJsonFiles_TheThreeProjectFiles_AreAmongThem()
    {
        var files = ProjectJsonFiles().Select(row => Path.GetFileName(row.Data)).ToList();

        Assert.Contains("PerfDashboard.pbip", files);
        Assert.Contains("definition.pbism", files);
        Assert.Contains("definition.pbir", files);
    }

    [Fact]
    public void Validate_ReportDefinitionWithoutItsSemanticModel_Fails()
    {
        using var document = JsonDocument.Parse(
            """{ "$schema": "https://developer.microsoft.com/json-schemas/fabric/item/report/definitionProperties/2.0.0/schema.json", "version": "4.0" }""");

        var failures = _sut.Validate(document.RootElement);

        Assert.Contains(failures, f => f.Contains("datasetReference", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ProjectShortcutWithAnUnknownProperty_Fails()
    {
        using var document = JsonDocument.Parse(
            """{ "$schema": "https://developer.microsoft.com/json-schemas/fabric/pbip/pbipProperties/1.0.0/schema.json", "version": "1.0", "artifacts": [], "dataset": "x" }""");

        Assert.NotEmpty(_sut.Validate(document.RootElement));
    }

    [Fact]
    public void Validate_VisualWithAFieldOfNoKnownKind_Fails()
    {
        using var document = JsonDocument.Parse(
            """
            {
              "$schema": "https://developer.microsoft.com/json-schemas/fabric/item/report/definition/visualContainer/2.13.0/schema.json",
              "name": "v",
              "position": { "x": 0, "y": 0, "width": 10, "height": 10 },
              "visual": {
                "visualType": "card",
                "query": { "queryState": { "Values": { "projections": [
                  { "field": { "Colum": { "Expression": { "SourceRef": { "Entity": "Period" } }, "Property": "Period code" } }, "queryRef": "Period.Period code" }
                ] } } }
              }
            }
            """);

        var failures = _sut.Validate(document.RootElement);

        Assert.NotEmpty(failures);
        Assert.Contains(failures, f => f.Contains("/visual/query/queryState/Values/projections/0/field", StringComparison.Ordinal));
    }
}
