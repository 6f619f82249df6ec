namespace PerfPipeline.Tests.SqlServer;

using Microsoft.Data.SqlClient;

using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.SqlServer;

public sealed class SqlServerTransientFaultsTests
{
    /// <summary>Azure SQL's transient errors and the connection failures, by number.</summary>
    public static TheoryData<int> TransientNumbers =>
    [
        233, 997, 1204, 1205, 1222, 4060, 4221, 10928, 10929, 40143, 40197, 40501, 40540, 40613, 42108, 42109,
        49918, 49919, 49920, 20, 64, 121, 10053, 10054, 10060,
    ];

    /// <summary>Errors that running again cannot fix: bad SQL, constraint violations, truncation, permissions, command timeout.</summary>
    public static TheoryData<int> PermanentNumbers => [102, 207, 208, 515, 547, 2601, 2627, 2628, 8152, 229, 18456, -2];

    [Theory]
    [MemberData(nameof(TransientNumbers))]
    public void IsTransient_SqlExceptionWithTransientNumber_IsTrue(int number)
    {
        var exception = SqlExceptions.Create(number);

        Assert.Equal(number, exception.Number);
        Assert.True(SqlServerTransientFaults.IsTransient(exception));
    }

    [Theory]
    [MemberData(nameof(PermanentNumbers))]
    public void IsTransient_SqlExceptionWithPermanentNumber_IsFalse(int number)
    {
        var exception = SqlExceptions.Create(number);

        Assert.False(SqlServerTransientFaults.IsTransient(exception));
    }

    [Fact]
    public void IsTransient_TransientSqlExceptionInsideAnotherException_IsTrue()
    {
        // DbUp and the load wrap what SqlClient throws.
        var exception = new InvalidOperationException("Warehouse migration failed", new AggregateException(SqlExceptions.Create(40613)));

        Assert.True(SqlServerTransientFaults.IsTransient(exception));
    }

    [Fact]
    public void IsTransient_NonSqlException_IsFalse()
    {
        Assert.False(SqlServerTransientFaults.IsTransient(new InvalidOperationException("a bug", new ArgumentException("bad"))));
    }

    [Theory]
    [InlineData(0, 20, true)]
    [InlineData(0, 11, false)]
    [InlineData(40613, 17, true)]
    [InlineData(2627, 14, false)]
    public void IsTransient_NumberAndSeverity_ClassifiesUnreachableServerAsTransient(int number, byte severity, bool expected)
    {
        Assert.Equal(expected, SqlServerTransientFaults.IsTransient(number, severity));
    }

    [Fact]
    public async Task IsTransient_RealFailureToConnect_IsTrue()
    {
        await using var connection = new SqlConnection(UnreachableSqlServer.ConnectionString());

        var exception = await Assert.ThrowsAsync<SqlException>(() => connection.OpenAsync(TestContext.Current.CancellationToken));

        Assert.True(SqlServerTransientFaults.IsTransient(exception), $"{exception.Number}/{exception.Class}: {exception.Message}");
    }
}
