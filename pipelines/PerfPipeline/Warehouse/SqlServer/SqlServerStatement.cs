namespace PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// One T-SQL batch the Azure SQL warehouse sends. <see cref="Parameters"/> declares its parameters in T-SQL
/// (<c>@LaCode nvarchar(10), @AsAt date</c>) so that the offline check can compile the batch as a procedure
/// against the model of the migrations; at run time Dapper binds them by name.
/// </summary>
internal sealed record SqlServerStatement(string Name, string Sql, string Parameters = "");
