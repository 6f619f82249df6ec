namespace PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The order SQLite's BINARY collation gives texts, which compares their UTF-8 bytes: code point order. Ordinal
/// comparison of .NET strings compares UTF-16 units instead, which puts U+E000..U+FFFF after the surrogate pairs.
/// </summary>
internal sealed class StoredTextOrder : IComparer<string?>
{
    public static StoredTextOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }

        return CodePointRank(x[common]) - CodePointRank(y[common]);
    }

    /// <summary>Surrogates (U+D800..U+DFFF, code points above U+FFFF) rank after every other UTF-16 unit.</summary>
    private static int CodePointRank(char c) => c switch
    {
        < '\uD800' => c,
        < '\uE000' => c + 0x2000,
        _ => c - 0x800,
    };
}
