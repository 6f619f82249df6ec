namespace PerfPipeline.Tests.SqlServer;

using Microsoft.SqlServer.Dac.Model;

public sealed class SqlServerModelTests
{
    [Fact]
    public void Validate_Migrations_HaveNoErrorsOrWarnings()
    {
        using var sut = SqlServerModels.FromMigrations();

        var problems = SqlServerModels.Problems(sut);

        Assert.Empty(problems);
        Assert.NotEmpty(sut.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Table));
    }

    [Fact]
    public void Validate_ViewNamingAMissingColumn_ReportsIt()
    {
        // The proof is only as good as DacFx's check: a misspelt column must be reported.
        using var sut = SqlServerModels.FromMigrations();
        sut.AddObjects("CREATE VIEW pbi.misspelt AS SELECT la_code, la_nmae FROM dbo.dim_local_authority;");

        var problems = SqlServerModels.Problems(sut);

        Assert.Contains(problems, p => p.StartsWith("SQL7150", StringComparison.Ordinal) && p.Contains("la_nmae", StringComparison.Ordinal));
    }

    [Fact]
    public void Model_FactIndicatorValue_IsClusteredColumnstoreWithCoveringCurrentValueIndex()
    {
        using var sut = SqlServerModels.FromMigrations();

        var columnstore = sut.GetObjects(DacQueryScopes.UserDefined, ModelSchema.ColumnStoreIndex)
            .Single(i => i.GetReferenced(ColumnStoreIndex.IndexedObject).Single().Name.Parts.SequenceEqual(["dbo", "fact_indicator_value"]));
        var current = sut.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Index)
            .Single(i => i.Name.Parts[^1] == "ix_fact_indicator_value_la_period");

        Assert.True(columnstore.GetProperty<bool>(ColumnStoreIndex.Clustered));
        Assert.Equal(["dbo", "fact_indicator_value"], current.GetReferenced(Index.IndexedObject).Single().Name.Parts);
        Assert.Equal(
            ["la_code", "period_type", "period_code", "indicator_code", "load_id"],
            current.GetReferenced(Index.Columns).Select(SqlServerModels.ColumnName));
        Assert.Equal(
            ["numerator", "denominator", "value"],
            current.GetReferenced(Index.IncludedColumns).Select(SqlServerModels.ColumnName));
    }
}
