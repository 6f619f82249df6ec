namespace PerfPipeline.Tests.Warehouse.Sqlite;

using System.Text.Json;

using Dapper;

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

/// <summary>
/// The first load into a file no load is stored in writes with a rollback journal, each page once, straight into the
/// file (<see cref="SqliteFirstLoadJournal"/>); every later load, and any file another connection holds, uses WAL, and the
/// file ends in WAL mode either way. Which journal a load used is seen from its indicator pass, inside its transaction:
/// a rollback journal is the <c>-journal</c> file beside the database, WAL the <c>-wal</c> file.
/// </summary>
public sealed class SqliteFirstLoadJournalTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2019, 10, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The journal each load's indicator pass found beside the file.</summary>
    private readonly List<string> _journals = [];

    private string DatabasePath => _temp.File("data", "perfpipeline.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Warehouse().MigrateAsync(Ct);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task LoadAsync_FirstLoadIntoANewFile_WritesWithARollbackJournalAndLeavesTheFileInWalMode()
    {
        var sut = Warehouse();

        await sut.LoadAsync(Referrals(August, 2), cancellationToken: Ct);
        await sut.LoadAsync(Referrals(September, 3), cancellationToken: Ct);

        Assert.Equal(["journal", "wal"], _journals);
        Assert.Equal(3, (await sut.ReadCaseDataAsync("872", Ct)).Referrals.Count);
        Assert.False(File.Exists(DatabasePath + "-journal"));
        Assert.True(IsWalFile());
    }

    [Fact]
    public async Task LoadAsync_FailedLoadsOnlyRecorded_TheNextLoadIsStillTheFirst()
    {
        var sut = Warehouse();
        await sut.RecordFailureAsync(new LoadKey("872", August, new string('a', 64)), _time.GetUtcNow(), "failed", Ct);

        await sut.LoadAsync(Referrals(September, 1), cancellationToken: Ct);

        Assert.Equal(["journal"], _journals);
        Assert.True(IsWalFile());
    }

    [Fact]
    public async Task LoadAsync_FirstLoadWhileAnotherConnectionHasTheFileOpen_WritesWithWal()
    {
        await using var other = new SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await other.OpenAsync(Ct);
        Assert.Equal(0L, await other.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_referral"));

        await Warehouse().LoadAsync(Referrals(September, 2), cancellationToken: Ct);

        Assert.Equal(["wal"], _journals);
        Assert.Equal(2L, await other.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_referral"));
        Assert.Equal("wal", await other.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task LoadAsync_FirstLoadAfterADashboardRead_ClosesTheIdlePooledReaderAndWritesWithARollbackJournal()
    {
        var sut = Warehouse();
        Assert.Null(await sut.FindLatestLoadAsync("872", Ct));

        await sut.LoadAsync(Referrals(September, 2), cancellationToken: Ct);

        Assert.Equal(["journal"], _journals);
        Assert.Equal(September, (await sut.FindLatestLoadAsync("872", Ct))?.DataAsAt);
        Assert.True(IsWalFile());
    }

    /// <summary>
    /// A load larger than the connection's page cache (64 MiB: 40,000 rows of about 2 KB) writes pages into the file
    /// before it commits; a failure then, in an insert or in the indicator pass, must leave nothing of it.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LoadAsync_FirstLoadFailsAfterWritingPagesIntoTheFile_LeavesTheFileAsItWasAndTheNextLoadSucceeds(bool inAnInsert)
    {
        const int Rows = 40_000;
        var before = await ContentAsync();
        var lengthBefore = new FileInfo(DatabasePath).Length;
        long? lengthWhileLoading = null;
        var failing = Warehouse(() =>
        {
            lengthWhileLoading = new FileInfo(DatabasePath).Length;
            throw new InvalidOperationException("Indicator engine failed.");
        });

        if (inAnInsert)
        {
            // The last row repeats the first one's id: the primary key stops the insert.
            var error = await Assert.ThrowsAsync<SqliteException>(() => failing.LoadAsync(WideReferrals(Rows, duplicateLast: true), cancellationToken: Ct));
            Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
        }
        else
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.LoadAsync(WideReferrals(Rows, duplicateLast: false), cancellationToken: Ct));
            Assert.Equal(["journal"], _journals);
            Assert.True(lengthWhileLoading > lengthBefore, $"{lengthWhileLoading} bytes while loading, {lengthBefore} before");
        }

        Assert.Equal(before, await ContentAsync());
        Assert.Equal(lengthBefore, new FileInfo(DatabasePath).Length);
        Assert.False(File.Exists(DatabasePath + "-journal"));
        Assert.True(IsWalFile());

        var loaded = await Warehouse().LoadAsync(WideReferrals(Rows, duplicateLast: false), cancellationToken: Ct);

        Assert.Equal(Rows, loaded.Load.Datasets.Single().Counts.RowsLoaded);
        Assert.Equal("journal", _journals[^1]);
        Assert.True(IsWalFile());
    }

    private SqliteWarehouse Warehouse(Action? duringIndicators = null) => new(DatabasePath, _ =>
    {
        _journals.Add(File.Exists(DatabasePath + "-journal") ? "journal" : File.Exists(DatabasePath + "-wal") ? "wal" : "none");
        duringIndicators?.Invoke();
        return [];
    }, _time);

    private static ExtractBatch Referrals(DateOnly asAt, int count) =>
        Batch(asAt, [Dataset(ExtractContract.CinEpisodes, [.. Enumerable.Range(1, count).Select(i => Referral($"R{i}", $"P{i}", asAt.AddDays(-i)))])]);

    /// <summary>Referrals whose team name is 2,000 characters (one string, so the batch itself stays small).</summary>
    private static ExtractBatch WideReferrals(int count, bool duplicateLast)
    {
        var team = new string('T', 2000);
        var rows = Enumerable.Range(0, count)
            .Select(i => Referral(duplicateLast && i == count - 1 ? "R000000" : $"R{i:D6}", $"P{i}", September.AddDays(-(i % 3000)), team))
            .ToList();
        return Batch(September, [Dataset(ExtractContract.CinEpisodes, rows)]);
    }

    /// <summary>Every row of every table, as text to compare.</summary>
    private async Task<string> ContentAsync()
    {
        await using var connection = new SqliteConnection(SqliteConnections.ConnectionString(DatabasePath));
        await connection.OpenAsync(Ct);
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        var content = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            var rows = (await connection.QueryAsync($"SELECT * FROM \"{table}\"")).Cast<IDictionary<string, object>>().Select(r => JsonSerializer.Serialize(r)).ToList();
            rows.Sort(StringComparer.Ordinal);
            content[table] = rows;
        }

        return JsonSerializer.Serialize(content);
    }

    /// <summary>Whether the file's header says WAL (bytes 18 and 19 are 2; a rollback journal's are 1).</summary>
    private bool IsWalFile()
    {
        using var file = new FileStream(DatabasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[20];
        file.ReadExactly(header);
        return header[18] == 2 && header[19] == 2;
    }
}
