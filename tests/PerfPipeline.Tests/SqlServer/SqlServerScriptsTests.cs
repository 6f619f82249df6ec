namespace PerfPipeline.Tests.SqlServer;

using Microsoft.SqlServer.TransactSql.ScriptDom;

using PerfPipeline.Warehouse.SqlServer;

public sealed class SqlServerScriptsTests
{
    public static TheoryData<string> ScriptNames => [.. SqlServerMigrations.Scripts().Select(s => s.Name)];

    [Fact]
    public void Scripts_Embedded_AreTheNumberedMigrationsInOrder()
    {
        var names = SqlServerMigrations.Scripts().Select(s => s.Name).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", name));
        Assert.Equal(names.Count, names.Select(n => n[..4]).Distinct().Count());
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Theory]
    [MemberData(nameof(ScriptNames))]
    public void Parse_Script_HasNoSyntaxErrors(string name)
    {
        var text = SqlServerMigrations.Scripts().Single(s => s.Name == name).Text;
        var sut = new TSql160Parser(initialQuotedIdentifiers: true);

        var fragment = sut.Parse(new StringReader(text), out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.NotEmpty(Assert.IsType<TSqlScript>(fragment).Batches);
    }
}
