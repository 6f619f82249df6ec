namespace PerfPipeline.Tests.Reporting;

using Microsoft.SqlServer.Dac.Model;

using PerfPipeline.Reporting;
using PerfPipeline.Tests.SqlServer;

/// <summary>
/// The Azure SQL commentary statements compile against the model of the migrations (offline only: no SQL Server runs
/// here), as procedures with the parameters Dapper sends.
/// </summary>
public sealed class SqlServerCommentaryStatementsTests
{
    private const string Parameters = """
        @LaCode nvarchar(10), @PeriodCode nvarchar(16), @Period nvarchar(16), @Item int, @Section nvarchar(20), @Body nvarchar(max),
        @Author nvarchar(256), @UpdatedAt datetime2(0), @Status nvarchar(10)
        """;

    [Theory]
    [InlineData("commentary_select")]
    [InlineData("commentary_upsert")]
    public void Validate_Statement_HasNoErrors(string name)
    {
        using var sut = SqlServerModels.FromMigrations();
        var sql = name == "commentary_select" ? SqlServerCommentaryStore.SelectStatement : SqlServerCommentaryStore.UpsertStatement;
        sut.AddObjects($"CREATE PROCEDURE dbo.[{name}] {Parameters} AS BEGIN {sql} END");

        Assert.Empty(SqlServerModels.Problems(sut));
        Assert.Single(sut.GetObjects(DacQueryScopes.UserDefined, ModelSchema.Procedure));
    }

    [Fact]
    public void Validate_MisspeltColumn_IsReported()
    {
        using var sut = SqlServerModels.FromMigrations();
        sut.AddObjects($"CREATE PROCEDURE dbo.[bad] {Parameters} AS BEGIN {SqlServerCommentaryStore.UpsertStatement.Replace("SET body =", "SET bdy =", StringComparison.Ordinal)} END");

        Assert.Contains(SqlServerModels.Problems(sut), p => p.Contains("bdy", StringComparison.Ordinal));
    }
}
