namespace PerfPipeline.Warehouse.Sqlite;

using System.Text;

using PerfPipeline.Extracts;

using SQLitePCL;

/// <summary>
/// The current row of a statement stepped on the connection's SQLite handle, in the warehouse's types
/// (docs/warehouse.md, Types). Texts that repeat (teams, codes) are shared through one pool; identifiers are not, as
/// nearly every one is distinct.
/// </summary>
internal sealed class SqliteCaseRow(sqlite3_stmt statement, StringPool texts, bool[] shared) : ICaseRow
{
    private const int StackChars = 256;

    public string Text(int column)
    {
        var bytes = raw.sqlite3_column_blob(statement, column);
        if (!shared[column])
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var length = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        Span<char> chars = length <= StackChars ? stackalloc char[StackChars] : new char[length];
        return texts.Get(chars[..Encoding.UTF8.GetChars(bytes, chars)]);
    }

    public string? TextOrNull(int column) => IsNull(column) ? null : Text(column);

    public DateOnly Date(int column) => StoredValues.ParseDate(raw.sqlite3_column_blob(statement, column));

    public DateOnly? DateOrNull(int column) => IsNull(column) ? null : Date(column);

    public bool Flag(int column) => raw.sqlite3_column_int64(statement, column) != 0;

    public bool? FlagOrNull(int column) => IsNull(column) ? null : Flag(column);

    /// <summary>Numbers are stored as REAL; the conversion back is the one <see cref="Convert.ToDecimal(double)"/> makes.</summary>
    public decimal Number(int column) => (decimal)raw.sqlite3_column_double(statement, column);

    public decimal? NumberOrNull(int column) => IsNull(column) ? null : Number(column);

    private bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;
}
