namespace PerfPipeline.Tests.Warehouse.Sqlite;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Indicators;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// Two migrations of one SQLite file never run at once: the file lock beside it is real (an OS lock through
/// <see cref="FileShare.None"/>), taken here by the test as another process would.
/// </summary>
public sealed class SqliteMigrationLockTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Database => _temp.File("warehouse.db");

    [Fact]
    public async Task Migrate_WhileAnotherMigrationHoldsTheLock_GivesUpWithAClearErrorAndChangesNothing()
    {
        using var other = await SqliteMigrationLock.AcquireAsync(Database, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var sut = Warehouse(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => sut.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("Another migration", error.Message, StringComparison.Ordinal);
        Assert.Contains(SqliteMigrationLock.PathFor(Database), error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Migrate_LockReleasedWhileWaiting_ThenMigrates()
    {
        var other = await SqliteMigrationLock.AcquireAsync(Database, TimeSpan.Zero, TestContext.Current.CancellationToken);
        var sut = Warehouse(TimeSpan.FromSeconds(30));

        var migration = sut.MigrateAsync(TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(migration.IsCompleted);
        other.Dispose();
        await migration;

        Assert.False((await sut.CheckSchemaAsync(TestContext.Current.CancellationToken)).IsBehind);
    }

    [Fact]
    public async Task Migrate_ManyAtOnceOnANewFile_AppliesEveryScriptOnce()
    {
        var migrations = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Warehouse(TimeSpan.FromMinutes(1)).MigrateAsync(TestContext.Current.CancellationToken)));

        await Task.WhenAll(migrations);

        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(Database));
        var journal = (await connection.QueryAsync<string>("SELECT ScriptName FROM SchemaVersions")).ToList();
        Assert.Equal(SqliteMigrations.Known().Count, journal.Count);
        Assert.Equal(journal.Count, journal.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(IndicatorCatalogue.All.Count, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dim_indicator"));
    }

    [Fact]
    public async Task CheckSchema_NoFile_IsBehindByEveryScriptAndCreatesNoFile()
    {
        var status = await Warehouse(TimeSpan.Zero).CheckSchemaAsync(TestContext.Current.CancellationToken);

        Assert.True(status.IsBehind);
        Assert.Equal(SqliteMigrations.Known(), status.Pending);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task CheckSchema_AfterMigrate_IsCurrent()
    {
        var sut = Warehouse(TimeSpan.Zero);
        await sut.MigrateAsync(TestContext.Current.CancellationToken);

        var status = await sut.CheckSchemaAsync(TestContext.Current.CancellationToken);

        Assert.False(status.IsBehind);
        Assert.Empty(status.Unknown);
        Assert.Equal(SqliteMigrations.Known(), status.Applied);
    }

    [Fact]
    public async Task CheckSchema_JournalMissingTheLastScriptAndHoldingAFutureOne_ReportsBoth()
    {
        var sut = Warehouse(TimeSpan.Zero);
        await sut.MigrateAsync(TestContext.Current.CancellationToken);
        var last = SqliteMigrations.Known()[^1];
        await using (var connection = new SqliteConnection(SqliteConnections.ConnectionString(Database)))
        {
            await connection.ExecuteAsync("DELETE FROM SchemaVersions WHERE ScriptName = @Name", new { Name = "PerfPipeline.Sql.Sqlite." + last });
            await connection.ExecuteAsync("INSERT INTO SchemaVersions (ScriptName, Applied) VALUES ('PerfPipeline.Sql.Sqlite.9999_future.sql', '2030-01-01')");
        }

        var status = await sut.CheckSchemaAsync(TestContext.Current.CancellationToken);

        Assert.True(status.IsBehind);
        Assert.Equal([last], status.Pending);
        Assert.Equal(["9999_future.sql"], status.Unknown);
    }

    public void Dispose() => _temp.Dispose();

    private SqliteWarehouse Warehouse(TimeSpan lockTimeout) =>
        new(Database, new IndicatorEngine().ComputeAll, new FakeTimeProvider(new DateTimeOffset(2019, 10, 2, 6, 0, 0, TimeSpan.Zero)))
        {
            MigrationLockTimeout = lockTimeout,
        };
}
