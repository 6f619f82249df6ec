namespace PerfPipeline.Tests.PowerBi;

using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Tests.PowerBi.Tmdl;
using PerfPipeline.Tests.SqlServer;

/// <summary>
/// The model's sources exist in Azure SQL as the DacFx model of <c>sql/sqlserver/</c> describes it: each table's
/// <c>pbi</c> view has every column the table imports, of a SQL type that imports as the column's data type.
/// </summary>
public sealed class SqlServerViewsTests : IDisposable
{
    /// <summary>What Power BI imports each SQL Server type as.</summary>
    private static readonly Dictionary<string, string> ModelTypeOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nvarchar"] = "string",
        ["varchar"] = "string",
        ["nchar"] = "string",
        ["date"] = "dateTime",
        ["datetime2"] = "dateTime",
        ["int"] = "int64",
        ["bigint"] = "int64",
        ["smallint"] = "int64",
        ["decimal"] = "double",
        ["float"] = "double",
        ["bit"] = "boolean",
    };

    private readonly TSqlModel _warehouse = SqlServerModels.FromMigrations();
    private readonly SemanticModel _model = SemanticModel.Load(PowerBiProject.ModelDefinition);

    [Fact]
    public void SourceViews_OfEveryModelTable_ExistInThePbiSchemaWithEveryMappedColumn()
    {
        var views = SqlServerModels.Columns(_warehouse, ModelSchema.View, View.Columns);

        foreach (var table in _model.Tables)
        {
            var source = Source(table);
            Assert.True(views.TryGetValue($"pbi.{source.View}", out var columns), $"{table.Name}: no view pbi.{source.View}.");
            var names = columns.Select(SqlServerModels.ColumnName).ToHashSet(StringComparer.Ordinal);
            Assert.All(source.Columns, column => Assert.Contains(column, names));
        }
    }

    [Fact]
    public void MappedColumns_OfEveryModelTable_HaveASqlTypeThatImportsAsTheirDataType()
    {
        var views = SqlServerModels.Columns(_warehouse, ModelSchema.View, View.Columns);
        var mismatches = new List<string>();
        var checkedColumns = 0;

        foreach (var table in _model.Tables)
        {
            var viewColumns = views[$"pbi.{Source(table).View}"].ToDictionary(SqlServerModels.ColumnName, StringComparer.Ordinal);
            foreach (var column in table.Columns.Where(c => c.IsImported))
            {
                var sqlType = SqlTypeOf(viewColumns[column.SourceColumn!]);
                checkedColumns++;
                if (ModelTypeOf.GetValueOrDefault(sqlType) != column.DataType)
                {
                    mismatches.Add($"{table.Name}[{column.Name}]: {column.DataType}, but pbi view column {column.SourceColumn} is {sqlType}");
                }
            }
        }

        Assert.Equal(_model.Tables.Sum(t => t.Columns.Count(c => c.IsImported)), checkedColumns);
        Assert.Empty(mismatches);
    }

    public void Dispose() => _warehouse.Dispose();

    private static PbiViewSource Source(ModelTable table) =>
        PbiViewSource.Parse(table.Partitions.Single().ChildrenOf("source").Single().Value!);

    /// <summary>
    /// A view column's type is its base table column's: the view selects it, maybe under another name. A column
    /// built from several (the period key, a CONCAT of type and code) is text when all its parts are.
    /// </summary>
    private static string SqlTypeOf(TSqlObject viewColumn)
    {
        if (viewColumn.GetReferenced(Column.DataType).SingleOrDefault() is { } type)
        {
            return type.Name.Parts[^1];
        }

        var parts = viewColumn.GetReferenced(Column.ExpressionDependencies).Where(d => d.ObjectType == ModelSchema.Column).Select(SqlTypeOf).Distinct().ToList();
        return parts.Count == 1 ? parts[0] : parts.All(TextTypes.Contains) ? "nvarchar" : string.Join("+", parts);
    }

    private static readonly HashSet<string> TextTypes = new(StringComparer.OrdinalIgnoreCase) { "nvarchar", "varchar", "nchar", "char" };
}
