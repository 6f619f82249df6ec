namespace PerfPipeline.Tests.SqlServer;

using Microsoft.SqlServer.TransactSql.ScriptDom;

using PerfPipeline.Warehouse.SqlServer;

/// <summary>
/// The application lock <c>migrate</c> takes on Azure SQL, checked offline (no SQL Server runs here): the T-SQL parses,
/// asks for an exclusive lock owned by the session (so it spans DbUp's own transactions), and is released by name.
/// </summary>
public sealed class SqlServerMigrationLockTests
{
    [Theory]
    [InlineData(SqlServerMigrationLock.Acquire)]
    [InlineData(SqlServerMigrationLock.Release)]
    public void Parse_LockStatement_HasNoSyntaxErrors(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);

        Assert.Empty(errors.Select(e => $"line {e.Line}: {e.Message}"));
        Assert.NotEmpty(Assert.IsType<TSqlScript>(fragment).Batches);
    }

    [Fact]
    public void Acquire_CallsGetAppLock_ExclusiveAndOwnedByTheSession()
    {
        var call = Procedures(SqlServerMigrationLock.Acquire).Single();

        Assert.Equal("sys.sp_getapplock", call.Name);
        Assert.Equal("@Resource", call.Arguments["@Resource"]);
        Assert.Equal("Exclusive", call.Arguments["@LockMode"]);
        Assert.Equal("Session", call.Arguments["@LockOwner"]);
        Assert.Equal("@TimeoutMs", call.Arguments["@LockTimeout"]);
    }

    [Fact]
    public void Release_ReleasesTheSameSessionLock()
    {
        var call = Procedures(SqlServerMigrationLock.Release).Single();

        Assert.Equal("sys.sp_releaseapplock", call.Name);
        Assert.Equal("Session", call.Arguments["@LockOwner"]);
        Assert.Equal("@Resource", call.Arguments["@Resource"]);
    }

    [Theory]
    [InlineData(-1, "Another migration")]
    [InlineData(-3, "deadlock")]
    [InlineData(-999, "result -999")]
    public void Explain_RefusedLock_SaysWhy(int result, string expected)
    {
        Assert.Contains(expected, SqlServerMigrationLock.Explain(result, TimeSpan.FromMinutes(5)), StringComparison.Ordinal);
    }

    private static List<(string Name, Dictionary<string, string> Arguments)> Procedures(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        Assert.Empty(errors);
        var visitor = new ExecuteVisitor();
        fragment.Accept(visitor);
        return visitor.Calls;
    }

    private sealed class ExecuteVisitor : TSqlFragmentVisitor
    {
        public List<(string Name, Dictionary<string, string> Arguments)> Calls { get; } = [];

        public override void ExplicitVisit(ExecutableProcedureReference node)
        {
            var name = string.Join('.', node.ProcedureReference.ProcedureReference.Name.Identifiers.Select(i => i.Value));
            var arguments = node.Parameters.ToDictionary(
                p => p.Variable.Name,
                p => p.ParameterValue switch
                {
                    StringLiteral literal => literal.Value,
                    VariableReference variable => variable.Name,
                    var other => other.GetType().Name,
                },
                StringComparer.OrdinalIgnoreCase);
            Calls.Add((name, arguments));
            base.ExplicitVisit(node);
        }
    }
}
