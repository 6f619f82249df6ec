namespace PerfPipeline.Warehouse.SqlServer;

/// <summary>A table the writer fills with SqlBulkCopy, and the columns it maps by name (the offline check resolves them).</summary>
internal sealed record SqlServerBulkTarget(string Table, IReadOnlyList<string> Columns);
