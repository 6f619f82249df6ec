namespace PerfPipeline.Warehouse.Sqlite;

using PerfPipeline.Extracts;

/// <summary>
/// The order SQLite's BINARY collation gives texts, which compares their UTF-8 bytes: code point order. Ordinal
/// comparison of .NET strings compares UTF-16 units instead, which puts U+E000..U+FFFF after the surrogate pairs.
/// </summary>
internal sealed class StoredTextOrder : IComparer<string?>
{
    public static StoredTextOrder Instance { get; } = new();

    /// <summary>
    /// The rows' indices in primary key order, the order of the table's B-tree and of reading it back, or null when they
    /// come in it already, as an export in key order does (one linear check).
    /// </summary>
    public static int[]? KeyOrder(AcceptedRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var row = 1;
        while (row < rows.Count && Instance.Compare(rows.Text(row - 1, 0), rows.Text(row, 0)) < 0)
        {
            row++;
        }

        return row < rows.Count ? Sorted(rows) : null;
    }

    /// <summary>
    /// The order a load inserts the rows in: by key when the key is a pseudonym (a person's or a worker's), which is in no
    /// order, so each row goes to the end of the table instead of into a page anywhere in it; otherwise as they come.
    /// </summary>
    public static int[]? InsertOrder(AcceptedRows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Contract.Columns[0].Kind == ColumnKind.PersonId && rows.Count > 1 ? Sorted(rows) : null;
    }

    private static int[] Sorted(AcceptedRows rows)
    {
        var keys = new string?[rows.Count];
        var order = new int[rows.Count];
        var ordinalOrder = true;
        for (var row = 0; row < keys.Length; row++)
        {
            var key = rows.Text(row, 0);
            keys[row] = key;
            order[row] = row;
            ordinalOrder &= key is null || !key.AsSpan().ContainsAnyInRange('\uD800', '\uFFFF');
        }

        // Below U+D800 the framework's ordinal comparison is code point order already, and it is the cheaper sort: the
        // 531,000 person keys (pseudonyms, hex) of the scale-20 batch sort in 0.34 s instead of 0.51 s, at the start of
        // the load's inserts (docs/performance.md).
        Array.Sort(keys, order, ordinalOrder ? StringComparer.Ordinal : Instance);
        return order;
    }

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
