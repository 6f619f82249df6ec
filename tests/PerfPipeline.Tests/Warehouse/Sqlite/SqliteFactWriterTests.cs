namespace PerfPipeline.Tests.Warehouse.Sqlite;

using System.Globalization;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

/// <summary>
/// The bulk insert writes several rows per statement and the rows left over in one more: every row is stored once with
/// its own values, whatever the row count is against the rows per statement, and a failing row fails the insert with
/// SQLite's reason for it.
/// </summary>
public sealed class SqliteFactWriterTests : IAsyncLifetime
{
    private static readonly LoadKey Key = new("872", September, new string('c', 64));

    private readonly TempDirectory _temp = new();
    private SqliteConnection _connection = null!;
    private SqliteTransaction _transaction = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var path = _temp.File("perfpipeline.db");
        await new SqliteWarehouse(path, _ => [], TimeProvider.System).MigrateAsync(Ct);
        _connection = await SqliteConnections.OpenAsync(SqliteConnections.ConnectionString(path), Ct);

        // As the load: its rows name an audit row the test does not write.
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "PRAGMA foreign_keys = OFF";
            await command.ExecuteNonQueryAsync(Ct);
        }

        _transaction = _connection.BeginTransaction(deferred: false);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        _temp.Dispose();
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 4)]
    [InlineData(3, 4)]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(8, 4)]
    [InlineData(11, 4)]
    [InlineData(7, 1)]
    [InlineData(0, SqliteFactWriter.RowsPerStatement)]
    [InlineData(1, SqliteFactWriter.RowsPerStatement)]
    [InlineData(SqliteFactWriter.RowsPerStatement - 1, SqliteFactWriter.RowsPerStatement)]
    [InlineData(SqliteFactWriter.RowsPerStatement, SqliteFactWriter.RowsPerStatement)]
    [InlineData(SqliteFactWriter.RowsPerStatement + 1, SqliteFactWriter.RowsPerStatement)]
    [InlineData((3 * SqliteFactWriter.RowsPerStatement) + 7, SqliteFactWriter.RowsPerStatement)]
    public void Insert_AnyRowCount_StoresEveryRowOnceWithItsOwnValues(int count, int rowsPerStatement)
    {
        var dataset = Professionals(count);

        SqliteFactWriter.Insert(_connection, _transaction, dataset, Key, keyOrder: null, rowsPerStatement);

        Assert.Equal(ExpectedProfessionals(count), Stored("fact_workforce", "professional_key"));
    }

    [Fact]
    public void Insert_WithoutRowsPerStatement_WritesEveryRow()
    {
        const int Count = (2 * SqliteFactWriter.RowsPerStatement) + 3;

        SqliteFactWriter.Insert(_connection, _transaction, Professionals(Count), Key, keyOrder: null);

        Assert.Equal(ExpectedProfessionals(Count), Stored("fact_workforce", "professional_key"));
    }

    /// <summary>The rows are inserted in the order given (a trigger logs each insert), or as they are without one.</summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(9, true)]
    [InlineData(9, false)]
    public void Insert_InAnOrder_InsertsTheRowsInThatOrderEachWithItsOwnValues(int count, bool ordered)
    {
        Execute("""
            CREATE TEMP TABLE inserted (n INTEGER PRIMARY KEY, professional_key TEXT);
            CREATE TEMP TRIGGER log_insert AFTER INSERT ON main.fact_workforce
            BEGIN INSERT INTO inserted (professional_key) VALUES (new.professional_key); END;
            """);
        var dataset = Professionals(count, reversed: true);
        var keyOrder = ordered ? Enumerable.Range(0, count).Reverse().ToArray() : null;

        SqliteFactWriter.Insert(_connection, _transaction, dataset, Key, keyOrder, rowsPerStatement: 4);

        var keys = Enumerable.Range(1, count).Select(i => $"W{i:D4}").ToList();
        Assert.Equal(ordered ? keys : keys.AsEnumerable().Reverse().ToList(), Stored("temp.inserted", "n").Select(r => r.Split('|')[1]).ToList());
        Assert.Equal(ExpectedProfessionals(count), Stored("fact_workforce", "professional_key"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    public void Insert_Snapshot_StoresTheLoadsAsAtOnEveryRow(int count)
    {
        var rows = Enumerable.Range(1, count).Select(i => CareLeaver($"CL{i:D3}", $"P{i}", i % 2 == 0 ? "Y" : "N")).ToList();

        SqliteFactWriter.Insert(_connection, _transaction, Dataset(ExtractContract.CareLeavers, rows), Key, keyOrder: null, rowsPerStatement: 2);

        var expected = Enumerable.Range(1, count)
            .Select(i => $"872|2019-09-30|CL{i:D3}|P{i}|Relevant|{(i % 2 == 0 ? "Y" : "N")}|null|U1|Suitable|F2|{Key.LoadId}")
            .ToList();
        Assert.Equal(expected, Stored("fact_care_leaver_snapshot", "care_leaver_id"));
    }

    [Fact]
    public void Insert_DateOfBirth_IsStoredAsItsMonth()
    {
        var dataset = Dataset(ExtractContract.Person, [Person("P1", new DateOnly(2010, 5, 17)), Person("P2", null), Person("P3", new DateOnly(2012, 12, 31))]);

        SqliteFactWriter.Insert(_connection, _transaction, dataset, Key, keyOrder: null, rowsPerStatement: 2);

        Assert.Equal(
            [
                $"872|P1|F|WBRI|2010-05-01|{Key.LoadId}|family-P1",
                $"872|P2|F|WBRI|null|{Key.LoadId}|family-P2",
                $"872|P3|F|WBRI|2012-12-01|{Key.LoadId}|family-P3",
            ],
            Stored("dim_person", "person_key"));
    }

    /// <summary>
    /// Row <paramref name="repeating"/> repeats the first row's key: in a full statement, in the one of the rows left
    /// over, in a statement of its own.
    /// </summary>
    [Theory]
    [InlineData(8, 4, 7)]
    [InlineData(10, 4, 10)]
    [InlineData(3, 1, 3)]
    public void Insert_RepeatedKey_FailsWithThePrimaryKeyConstraint(int count, int rowsPerStatement, int repeating)
    {
        var rows = Enumerable.Range(1, count).Select(i => Referral(i == repeating ? "R001" : $"R{i:D3}", $"P{i}", September)).ToList();

        var error = Assert.Throws<SqliteException>(() =>
            SqliteFactWriter.Insert(_connection, _transaction, Dataset(ExtractContract.CinEpisodes, rows), Key, keyOrder: null, rowsPerStatement));

        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT, error.SqliteErrorCode);
        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY, error.SqliteExtendedErrorCode);
        Assert.Contains("UNIQUE constraint failed: fact_referral.la_code, fact_referral.referral_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_MissingRequiredValue_FailsNamingTheColumn()
    {
        // The reader never accepts a referral without its date; the table refuses one too.
        var rows = Enumerable.Range(1, 6).Select(i => Referral($"R{i:D3}", $"P{i}", September)).ToList();
        rows[4][2] = null;

        var error = Assert.Throws<SqliteException>(() =>
            SqliteFactWriter.Insert(_connection, _transaction, Dataset(ExtractContract.CinEpisodes, rows), Key, keyOrder: null, rowsPerStatement: 4));

        Assert.Equal(SQLitePCL.raw.SQLITE_CONSTRAINT_NOTNULL, error.SqliteExtendedErrorCode);
        Assert.Contains("NOT NULL constraint failed: fact_referral.referral_date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insert_TwoDatasets_KeepsTheirRowsApart()
    {
        SqliteFactWriter.Insert(_connection, _transaction, Professionals(5), Key, keyOrder: null, rowsPerStatement: 2);
        SqliteFactWriter.Insert(_connection, _transaction, Dataset(ExtractContract.CinEpisodes, [Referral("R1", "P1", September)]), Key, keyOrder: null, rowsPerStatement: 2);

        Assert.Equal(ExpectedProfessionals(5), Stored("fact_workforce", "professional_key"));
        Assert.Equal([$"872|R1|P1|2019-09-30|1A|0|null|Front Door|{Key.LoadId}"], Stored("fact_referral", "referral_id"));
    }

    /// <summary>
    /// Professionals: text, flags (one unknown), a number, dates (one missing): every kind a column has. Row
    /// <c>i</c> (1-based) is keyed <c>W{i:D4}</c>, so key order is the order of <c>i</c>.
    /// </summary>
    private static DatasetExtract Professionals(int count, bool reversed = false)
    {
        var numbers = Enumerable.Range(1, count);
        return Dataset(ExtractContract.Professionals, [.. (reversed ? numbers.Reverse() : numbers).Select(Professional)]);
    }

    private static object?[] Professional(int i) =>
        [$"W{i:D4}", i % 3 == 0 ? null : i % 2 == 0, 0.5m + (i % 5 * 0.1m), true, new DateOnly(2015, 1, 1).AddDays(i), i % 4 == 0 ? new DateOnly(2020, 3, 31) : null];

    /// <summary>What <see cref="Professional"/> rows look like stored, in key order.</summary>
    private static List<string> ExpectedProfessionals(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => string.Join('|',
            "872",
            $"W{i:D4}",
            i % 3 == 0 ? "null" : i % 2 == 0 ? "1" : "0",
            ((double)(0.5m + (i % 5 * 0.1m))).ToString(CultureInfo.InvariantCulture),
            "1",
            new DateOnly(2015, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            i % 4 == 0 ? "2020-03-31" : "null",
            Key.LoadId)),
    ];

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The table's rows in key order, each as its values (with SQLite's own type) joined by <c>|</c>.</summary>
    private List<string> Stored(string table, string keyColumn)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT * FROM {table} ORDER BY {keyColumn}";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount)
                .Select(c => reader.IsDBNull(c) ? "null" : Convert.ToString(reader.GetValue(c), CultureInfo.InvariantCulture))));
        }

        return rows;
    }
}
