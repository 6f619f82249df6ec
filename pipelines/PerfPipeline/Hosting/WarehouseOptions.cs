namespace PerfPipeline.Hosting;

using System.ComponentModel.DataAnnotations;

using PerfPipeline.Warehouse.Resilience;

/// <summary>
/// Which warehouse to open (section <c>PerfPipeline</c>): Azure SQL when <c>SqlServer:ConnectionString</c> is set,
/// else the SQLite file at <c>Sqlite:DatabasePath</c>. One of the two must be set.
/// </summary>
public sealed class WarehouseOptions : IValidatableObject
{
    public SqliteWarehouseOptions Sqlite { get; set; } = new();

    public SqlServerWarehouseOptions SqlServer { get; set; } = new();

    /// <summary>True when the Azure SQL warehouse is configured (it wins over a SQLite path).</summary>
    public bool UsesSqlServer => !string.IsNullOrWhiteSpace(SqlServer.ConnectionString);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesSqlServer && string.IsNullOrWhiteSpace(Sqlite.DatabasePath))
        {
            yield return new ValidationResult(
                $"Configure a warehouse: '{PipelineSettings.SqlServerConnectionString}' (Azure SQL) or '{PipelineSettings.SqliteDatabasePath}' (a SQLite file).");
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(SqlServer.Retry, new ValidationContext(SqlServer.Retry), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult($"{WarehouseRetryOptions.SectionName}: {result.ErrorMessage}", result.MemberNames);
        }
    }
}

/// <summary>The SQLite warehouse file (created on first use).</summary>
public sealed class SqliteWarehouseOptions
{
    public string? DatabasePath { get; set; }
}

/// <summary>The Azure SQL warehouse and how its units of work are retried on transient faults.</summary>
public sealed class SqlServerWarehouseOptions
{
    /// <summary>With <c>Authentication=Active Directory Default</c> in Azure: no password (docs/sqlserver.md).</summary>
    public string? ConnectionString { get; set; }

    public WarehouseRetryOptions Retry { get; set; } = new();
}
