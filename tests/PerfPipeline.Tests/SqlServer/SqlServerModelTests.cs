namespace PerfPipeline.Tests.SqlServer;

using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.SqlServer;

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

    [Fact]
    public void IndicatorDimension_EveryCatalogueText_FitsItsColumnAndParameter()
    {
        // DacFx checks types, not values: the catalogue's "calendar year 2018" once overflowed national_period nvarchar(16).
        using var model = SqlServerModels.FromMigrations();
        var columns = SqlServerModels.Columns(model, ModelSchema.Table, Table.Columns)["dbo.dim_indicator"]
            .ToDictionary(SqlServerModels.ColumnName, c => c.GetProperty<int>(Column.Length), StringComparer.Ordinal);
        var parameters = Regex.Matches(SqlServerStatements.UpsertIndicator.Parameters, @"@(?<name>\w+) nvarchar\((?<length>\d+)\)")
            .ToDictionary(m => m.Groups["name"].Value, m => int.Parse(m.Groups["length"].Value, CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var texts = IndicatorDimension.Rows().SelectMany(r => new (string Column, string Parameter, string? Value)[]
        {
            ("indicator_code", "Code", r.Code), ("label", "Label", r.Label), ("item_title", "ItemTitle", r.ItemTitle),
            ("unit", "Unit", r.Unit), ("polarity", "Polarity", r.Polarity), ("national_period", "NationalPeriod", r.NationalPeriod),
        }).ToList();

        Assert.Contains(texts, t => t.Value == "calendar year 2018");
        Assert.All(texts, t => Assert.True(
            (t.Value?.Length ?? 0) <= Math.Min(columns[t.Column], parameters[t.Parameter]),
            $"{t.Column} ({columns[t.Column]}, @{t.Parameter} {parameters[t.Parameter]}) cannot hold \"{t.Value}\""));
    }

    [Fact]
    public void FoldColumnAlterations_ChangedType_IsAppliedToTheCreateTable()
    {
        string[] scripts =
        [
            "CREATE TABLE dbo.t (\n    a    nvarchar(16)    NOT NULL,\n    b int NULL\n);\nGO\n",
            "ALTER TABLE dbo.t ALTER COLUMN a nvarchar(100) NULL;\nGO\nEXEC sys.sp_refreshview N'pbi.v';\nGO\n",
        ];

        var sut = SqlServerModels.FoldColumnAlterations(scripts);

        Assert.Contains("    a    nvarchar(100)    NULL,", sut[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, sut[1]);
    }
}
