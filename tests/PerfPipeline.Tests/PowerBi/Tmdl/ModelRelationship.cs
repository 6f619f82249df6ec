namespace PerfPipeline.Tests.PowerBi.Tmdl;

/// <summary>A relationship from the many side (<see cref="From"/>) to the one side (<see cref="To"/>).</summary>
internal sealed record ModelRelationship(string Name, ColumnReference From, ColumnReference To);
