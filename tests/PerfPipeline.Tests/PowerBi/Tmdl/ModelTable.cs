namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>A table of the model with its columns, measures and partitions, read from <c>tables/&lt;name&gt;.tmdl</c>.</summary>
internal sealed record ModelTable(
    string Name,
    string File,
    IReadOnlyList<ModelColumn> Columns,
    IReadOnlyList<ModelMeasure> Measures,
    IReadOnlyList<TmdlNode> Partitions,
    string? DataCategory)
{
    public ModelColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);

    public bool Has(string columnOrMeasure) =>
        Column(columnOrMeasure) is not null || Measures.Any(m => m.Name == columnOrMeasure);
}
