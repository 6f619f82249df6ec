namespace PerfPipeline.Tests.SqlServer;

using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// Every statement the Azure SQL warehouse sends compiles, as a procedure with its parameters declared, against the
/// model of the migrations with no error and no unresolved reference; every bulk-copy column exists.
/// </summary>
public sealed class SqlServerStatementsTests
{
    [Fact]
    public void Validate_EveryStatementAsAProcedure_HasNoErrorsOrWarnings()
    {
        using var sut = SqlServerModels.FromMigrations();
        var statements = SqlServerStatements.All().ToList();
        foreach (var statement in statements)
        {
            sut.AddObjects(Procedure(statement));
        }

        var problems = SqlServerModels.Problems(sut);

        Assert.Empty(problems);
        Assert.Equal(statements.Count, sut.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Procedure).Count());
    }

    [Fact]
    public void Validate_StatementWithAMisspeltColumn_IsReported()
    {
        using var sut = SqlServerModels.FromMigrations();
        var misspelt = SqlServerStatements.FinishLoad with { Sql = SqlServerStatements.FinishLoad.Sql.Replace("finished_at =", "finshed_at =", StringComparison.Ordinal) };
        sut.AddObjects(Procedure(misspelt));

        var problems = SqlServerModels.Problems(sut);

        Assert.Contains(problems, p => p.Contains("finshed_at", StringComparison.Ordinal));
    }

    [Fact]
    public void Statements_Names_AreUnique()
    {
        var names = SqlServerStatements.All().Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void BulkTargets_EveryColumn_ExistsInItsTable()
    {
        using var model = SqlServerModels.FromMigrations();
        var tables = SqlServerModels.Columns(model, ModelSchema.Table, Table.Columns);

        foreach (var target in SqlServerStatements.BulkTargets())
        {
            Assert.True(tables.TryGetValue(target.Table, out var columns), $"{target.Table} is not a table");
            var names = columns.Select(SqlServerModels.ColumnName).ToList();
            Assert.All(target.Columns, column => Assert.Contains(column, names));
            var required = columns.Where(c => !c.GetProperty<bool>(Column.Nullable)).Select(SqlServerModels.ColumnName);
            Assert.All(required, column => Assert.Contains(column, target.Columns));
        }
    }

    private static string Procedure(SqlServerStatement statement) =>
        $"""
        CREATE PROCEDURE dbo.[{statement.Name.Replace("]", "]]", StringComparison.Ordinal)}]
            {statement.Parameters}
        AS
        BEGIN
        {statement.Sql}
        END
        """;
}
