namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>The TMDL folder of a semantic model (<c>definition/</c>), read into tables, relationships, roles and expressions.</summary>
internal sealed class SemanticModel
{
    private SemanticModel(string folder)
    {
        Folder = folder;
        Model = Single(Path.Combine(folder, "model.tmdl"), "model");
        Database = Single(Path.Combine(folder, "database.tmdl"), "database");
        TableReferences = [.. TmdlReader.ReadFile(Path.Combine(folder, "model.tmdl")).Where(n => n.Keyword == "ref table").Select(n => n.Name!)];
        RoleReferences = [.. TmdlReader.ReadFile(Path.Combine(folder, "model.tmdl")).Where(n => n.Keyword == "ref role").Select(n => n.Name!)];
        Tables = [.. Files("tables").SelectMany(TmdlReader.ReadFile).Where(n => n.Keyword == "table").Select(ToTable)];
        Relationships =
        [
            .. TmdlReader.ReadFile(Path.Combine(folder, "relationships.tmdl")).Where(n => n.Keyword == "relationship").Select(n => new ModelRelationship(
                n.Name!,
                ColumnReference.Parse(n.Property("fromColumn") ?? throw new FormatException($"{n} has no fromColumn.")),
                ColumnReference.Parse(n.Property("toColumn") ?? throw new FormatException($"{n} has no toColumn.")))),
        ];
        Roles = [.. Files("roles").SelectMany(TmdlReader.ReadFile).Where(n => n.Keyword == "role")];
        Expressions = [.. TmdlReader.ReadFile(Path.Combine(folder, "expressions.tmdl")).Where(n => n.Keyword == "expression")];
    }

    public string Folder { get; }

    public TmdlNode Model { get; }

    public TmdlNode Database { get; }

    public IReadOnlyList<string> TableReferences { get; }

    public IReadOnlyList<string> RoleReferences { get; }

    public IReadOnlyList<ModelTable> Tables { get; }

    public IReadOnlyList<ModelRelationship> Relationships { get; }

    public IReadOnlyList<TmdlNode> Roles { get; }

    public IReadOnlyList<TmdlNode> Expressions { get; }

    public IEnumerable<ModelMeasure> Measures => Tables.SelectMany(t => t.Measures);

    public static SemanticModel Load(string definitionFolder) => new(definitionFolder);

    public ModelTable? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);

    private static TmdlNode Single(string path, string keyword) =>
        TmdlReader.ReadFile(path).Single(n => n.Keyword == keyword);

    private static ModelTable ToTable(TmdlNode table) => new(
        table.Name!,
        table.File,
        [.. table.ChildrenOf("column").Select(c => new ModelColumn(table.Name!, c.Name!, c.Property("dataType"), c.Property("sourceColumn"), c.HasFlag("isKey"), c.Value))],
        [.. table.ChildrenOf("measure").Select(m => new ModelMeasure(
            table.Name!, m.Name!, m.Value ?? throw new FormatException($"{m} has no expression."), m.ChildrenOf("formatStringDefinition").SingleOrDefault()?.Value))],
        [.. table.ChildrenOf("partition")],
        table.Property("dataCategory"));

    private IEnumerable<string> Files(string subfolder) =>
        Directory.EnumerateFiles(Path.Combine(Folder, subfolder), "*.tmdl").Order(StringComparer.Ordinal);
}
