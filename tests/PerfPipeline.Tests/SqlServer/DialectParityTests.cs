namespace PerfPipeline.Tests.SqlServer;

using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The two dialects have the same tables, views and columns: SQLite's read from a migrated database, SQL Server's
/// from the DacFx model of its migrations. A SQL Server view <c>pbi.x</c> is SQLite's <c>pbi_x</c>.
/// </summary>
public sealed class DialectParityTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly TSqlModel _model = SqlServerModels.FromMigrations();

    [Fact]
    public void Tables_BothDialects_HaveTheSameTablesAndColumnsInTheSameOrder()
    {
        var sqlite = SqliteObjects("table");
        var sqlServer = WarehouseTables()
            .ToDictionary(t => SqliteName(t.Key), t => t.Value.Select(SqlServerModels.ColumnName).ToList(), StringComparer.Ordinal);

        Assert.Equal(sqlite.Keys.Order(StringComparer.Ordinal), sqlServer.Keys.Order(StringComparer.Ordinal));
        Assert.All(sqlite, table => Assert.Equal(table.Value.Select(c => c.Name), sqlServer[table.Key]));
    }

    [Fact]
    public void StageTables_SqlServer_MirrorTheirWarehouseTables()
    {
        // The writer's staging tables have no SQLite counterpart; each has its table's columns and types (the
        // calendar's also a load_id keying the rows of one fill).
        var tables = SqlServerModels.Columns(_model, ModelSchema.Table, Table.Columns);
        var stage = tables.Where(t => t.Key.StartsWith("stage.", StringComparison.Ordinal)).ToList();

        Assert.Equal(ExtractContract.Datasets.Count + 2, stage.Count);
        foreach (var (name, columns) in stage)
        {
            var warehouse = tables[$"dbo.{name["stage.".Length..]}"].Select(Describe).ToList();
            var staged = columns.Select(Describe).ToList();
            if (!warehouse.Contains("load_id nvarchar"))
            {
                warehouse.Insert(0, "load_id nvarchar");
            }

            Assert.Equal(warehouse, staged);
        }
    }

    [Fact]
    public void Columns_IdentifiersAndTeams_CompareExactly()
    {
        var tables = WarehouseTables();
        var exact = ExtractContract.Datasets
            .SelectMany(d => d.Columns.Where(c => c.Kind is ColumnKind.RecordId or ColumnKind.PersonId).Select(c => (d.Table, c.StoredAs)))
            .Append(("fact_referral", "referral_team")).Append(("fact_assessment", "assessment_team"))
            .Append(("fact_involvement", "professional_team")).Append(("dim_team", "team_name"))
            .Append(("fact_team_indicator_value", "team_key")).Append(("security_team_user", "team_key"))
            .Append(("fact_work_item", "team_key")).Append(("fact_work_item", "person_key")).Append(("fact_work_item", "worker_key"));

        foreach (var (table, column) in exact)
        {
            var spec = tables[$"dbo.{table}"].Single(c => SqlServerModels.ColumnName(c) == column);
            Assert.Equal("Latin1_General_100_BIN2", spec.GetProperty<string>(Column.Collation));
        }
    }

    [Fact]
    public void Views_BothDialects_HaveTheSameViewsAndColumnsInTheSameOrder()
    {
        var sqlite = SqliteObjects("view");
        var sqlServer = SqlServerModels.Columns(_model, ModelSchema.View, View.Columns)
            .ToDictionary(v => SqliteName(v.Key), v => v.Value.Select(SqlServerModels.ColumnName).ToList(), StringComparer.Ordinal);

        Assert.Contains("pbi_indicator_value", sqlServer.Keys);
        Assert.Equal(sqlite.Keys.Order(StringComparer.Ordinal), sqlServer.Keys.Order(StringComparer.Ordinal));
        Assert.All(sqlite, view => Assert.Equal(view.Value.Select(c => c.Name), sqlServer[view.Key]));
    }

    [Fact]
    public void Columns_BothDialects_AgreeOnNullabilityAndKindOfType()
    {
        var sqlite = SqliteObjects("table");
        var sqlServer = WarehouseTables();

        foreach (var (table, columns) in sqlServer)
        {
            var sqliteColumns = sqlite[SqliteName(table)].ToDictionary(c => c.Name, StringComparer.Ordinal);
            foreach (var column in columns)
            {
                var name = SqlServerModels.ColumnName(column);
                var other = sqliteColumns[name];
                Assert.True(other.NotNull == !column.GetProperty<bool>(Column.Nullable), $"{table}.{name}: nullability differs");
                Assert.Contains(TypeName(column), SqlServerTypesFor(other.Type));
            }
        }
    }

    [Fact]
    public void Columns_ContractDatasets_HaveTheSqlServerTypeOfTheirKind()
    {
        var tables = WarehouseTables();

        foreach (var dataset in ExtractContract.Datasets)
        {
            var columns = tables[$"dbo.{dataset.Table}"].ToDictionary(SqlServerModels.ColumnName, StringComparer.Ordinal);
            foreach (var spec in dataset.Columns)
            {
                var column = columns[spec.StoredAs];
                Assert.Equal(ExpectedType(spec.Kind), TypeName(column));
                Assert.True(spec.Required == !column.GetProperty<bool>(Column.Nullable), $"{dataset.Table}.{spec.StoredAs}: nullability");
            }
        }
    }

    public void Dispose()
    {
        _model.Dispose();
        _temp.Dispose();
    }

    private static string ExpectedType(ColumnKind kind) => kind switch
    {
        ColumnKind.Date => "date",
        ColumnKind.Flag => "bit",
        ColumnKind.Number => "decimal",
        _ => "nvarchar",
    };

    /// <summary>docs/warehouse.md, Types: how each SQLite storage class is typed in SQL Server.</summary>
    private static string[] SqlServerTypesFor(string sqliteType) => sqliteType switch
    {
        "TEXT" => ["nvarchar", "date", "datetime2"],
        "INTEGER" => ["int", "bigint", "bit"],
        "REAL" => ["decimal"],
        _ => [],
    };

    private static string Describe(TSqlObject column) => $"{SqlServerModels.ColumnName(column)} {TypeName(column)}";

    private static string TypeName(TSqlObject column) => column.GetReferenced(Column.DataType).Single().Name.Parts[^1];

    /// <summary><c>dbo.audit_load</c> → <c>audit_load</c>; <c>pbi.load</c> → <c>pbi_load</c>.</summary>
    private static string SqliteName(string sqlServerName) =>
        sqlServerName.StartsWith("dbo.", StringComparison.Ordinal) ? sqlServerName[4..] : sqlServerName.Replace('.', '_');

    /// <summary>The warehouse's tables (dbo), without the writer's staging tables.</summary>
    private Dictionary<string, List<TSqlObject>> WarehouseTables() =>
        SqlServerModels.Columns(_model, ModelSchema.Table, Table.Columns)
            .Where(t => t.Key.StartsWith("dbo.", StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);

    private Dictionary<string, List<SqliteColumn>> SqliteObjects(string type)
    {
        var connectionString = SqliteConnections.ConnectionString(_temp.File("warehouse.db"));
        SqliteMigrations.Apply(connectionString);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        var names = Read(connection, "SELECT name FROM sqlite_master WHERE type = $type AND name NOT LIKE 'sqlite%' AND name <> 'SchemaVersions'",
            r => r.GetString(0), ("$type", type));
        return names.ToDictionary(
            name => name,
            name => Read(connection, "SELECT name, type, \"notnull\" FROM pragma_table_info($name) ORDER BY cid",
                r => new SqliteColumn(r.GetString(0), r.GetString(1), r.GetInt64(2) == 1), ("$name", name)),
            StringComparer.Ordinal);
    }

    private static List<T> Read<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map, (string Name, string Value) parameter)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private sealed record SqliteColumn(string Name, string Type, bool NotNull);
}
