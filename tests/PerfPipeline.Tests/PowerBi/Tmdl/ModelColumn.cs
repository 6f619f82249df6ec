namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>A column of a model table; <see cref="SourceColumn"/> is the view column it imports.</summary>
internal sealed record ModelColumn(string Table, string Name, string? DataType, string? SourceColumn, bool IsKey);
