namespace PerfPipeline.Tests.Cli;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary><c>migrate</c>, and the <c>--db</c> / <c>--sqlserver</c> choice every warehouse command shares.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Database => _temp.File("warehouse", "perfpipeline.db");

    [Fact]
    public async Task Migrate_Db_CreatesTheWarehouseWithItsCatalogue()
    {
        var (exitCode, output) = await InvokeAsync("migrate", "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains($"Warehouse up to date: {Database}", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(Database));
        Assert.Equal(IndicatorCatalogue.All.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator"));
    }

    [Fact]
    public async Task Migrate_Twice_SucceedsBothTimes()
    {
        var (first, _) = await InvokeAsync("migrate", "--db", Database);
        var (second, _) = await InvokeAsync("migrate", "--db", Database);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
    }

    [Theory]
    [InlineData("migrate")]
    [InlineData("loads")]
    [InlineData("run")]
    public async Task Command_DbAndSqlServerTogether_IsAUsageError(string command)
    {
        var (exitCode, _) = await InvokeAsync(command, "--db", Database, "--sqlserver", "Server=tcp:127.0.0.1,1;Database=warehouse");

        Assert.Equal(2, exitCode);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Migrate_SqlServerUnreachable_FailsAfterItsRetriesWithoutTouchingTheLocalFile()
    {
        var connectionString = UnreachableSqlServer.ConnectionString();

        var (exitCode, output) = await InvokeAsync("migrate", "--sqlserver", connectionString);

        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain("Warehouse up to date", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("data", "perfpipeline.db")));
    }

    public void Dispose() => _temp.Dispose();

    private Task<(int ExitCode, string Output)> InvokeAsync(params string[] args) =>
        CliInvocation.InvokeAsync(args, _temp.File("data"), new FakeTimeProvider(new DateTimeOffset(2019, 10, 15, 12, 0, 0, TimeSpan.Zero)), width: 400, NoRetryDelays);

    // No waiting between retries, and one retry: the unreachable server fails fast.
    private static readonly IConfiguration NoRetryDelays = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["PerfPipeline:SqlServer:Retry:MaxRetryAttempts"] = "1",
        ["PerfPipeline:SqlServer:Retry:BaseDelay"] = "00:00:00",
        ["PerfPipeline:SqlServer:Retry:MaxDelay"] = "00:00:00",
    }).Build();
}
