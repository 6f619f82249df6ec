namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>
/// A column of a model table: imported (<see cref="SourceColumn"/> is the view column) or calculated in DAX
/// (<see cref="Expression"/>).
/// </summary>
internal sealed record ModelColumn(string Table, string Name, string? DataType, string? SourceColumn, bool IsKey, string? Expression)
{
    public bool IsImported => Expression is null;
}
