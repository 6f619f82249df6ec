namespace PerfPipeline.Tests.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Extracts;
using PerfPipeline.Warehouse.Sqlite;

using static PerfPipeline.Tests.Warehouse.WarehouseBatches;

public sealed class StoredTextOrderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void KeyOrder_RowsInKeyOrder_IsNull()
    {
        Assert.Null(StoredTextOrder.KeyOrder(Workers("W1", "W2", "W3")));
        Assert.Null(StoredTextOrder.KeyOrder(Workers("W1")));
        Assert.Null(StoredTextOrder.KeyOrder(Workers()));
    }

    public static TheoryData<string[]> KeysOutOfOrder => new()
    {
        // Ordinal order puts U+E000..U+FFFF after the surrogate pairs; SQLite's BINARY collation puts them before.
        new[] { "b7", "\U0001F600", "a", "\uE000", "B", "a\u0000", "ab", "1", "\uFFFD", "é" },

        // No unit from U+D800 on: sorted by ordinal comparison, which must give the same order.
        new[] { "b7", "a", "\uD7FF", "B", "a\u0000", "ab", "1", "\u00FF", "é", "Z", "4f0c2a9e" },
    };

    [Theory]
    [MemberData(nameof(KeysOutOfOrder))]
    public async Task KeyOrder_KeysOutOfOrder_GivesTheOrderOfSqlitesPrimaryKey(string[] keys)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync(Ct);
        await using (var create = new SqliteCommand("CREATE TABLE k (key TEXT PRIMARY KEY) WITHOUT ROWID", connection))
        {
            await create.ExecuteNonQueryAsync(Ct);
        }

        foreach (var key in keys)
        {
            await using var insert = new SqliteCommand("INSERT INTO k VALUES ($key)", connection);
            insert.Parameters.AddWithValue("$key", key);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var stored = new List<string>();
        await using (var select = new SqliteCommand("SELECT key FROM k", connection))
        await using (var reader = await select.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                stored.Add(reader.GetString(0));
            }
        }

        var order = StoredTextOrder.KeyOrder(Workers(keys));

        Assert.NotNull(order);
        Assert.Equal(stored, order.Select(row => keys[row]));
    }

    [Fact]
    public void InsertOrder_KeysThatArePseudonyms_SortsThemAndLeavesOtherKeysAsTheyCome()
    {
        var workers = Workers("W3", "W1", "W2");
        var referrals = Dataset(ExtractContract.CinEpisodes, [Referral("R2", "P1", September), Referral("R1", "P2", September)]).Rows;

        Assert.Equal<int[]>([1, 2, 0], StoredTextOrder.InsertOrder(workers));
        Assert.Null(StoredTextOrder.InsertOrder(referrals));
        Assert.Equal<int[]>([1, 0], StoredTextOrder.KeyOrder(referrals));
    }

    private static AcceptedRows Workers(params string[] ids) =>
        Dataset(ExtractContract.Professionals, [.. ids.Select(id => new object?[] { id, null, null, null, null, null })]).Rows;
}
