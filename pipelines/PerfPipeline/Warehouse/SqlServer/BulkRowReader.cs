namespace PerfPipeline.Warehouse.SqlServer;

using System.Collections;
using System.Data.Common;
using System.Globalization;

/// <summary>
/// Streams rows to SqlBulkCopy without materialising a DataTable: each row's values are produced when SqlBulkCopy
/// reads it. Only what SqlBulkCopy uses is meaningful; the typed getters read through <see cref="GetValue"/>.
/// </summary>
internal sealed class BulkRowReader<T>(IEnumerable<T> rows, IReadOnlyList<string> columns, Action<T, object[]> fill) : DbDataReader
{
    private readonly IEnumerator<T> _rows = rows.GetEnumerator();
    private readonly object[] _values = new object[columns.Count];
    private bool _closed;

    public override int FieldCount => columns.Count;

    public override int Depth => 0;

    public override bool HasRows => true;

    public override bool IsClosed => _closed;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => GetValue(ordinal);

    public override object this[string name] => GetValue(GetOrdinal(name));

    public override bool Read()
    {
        if (!_rows.MoveNext())
        {
            return false;
        }

        Array.Fill(_values, DBNull.Value);
        fill(_rows.Current, _values);
        return true;
    }

    public override bool NextResult() => false;

    public override string GetName(int ordinal) => columns[ordinal];

    public override int GetOrdinal(string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (string.Equals(columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, "No such column.");
    }

    public override object GetValue(int ordinal) => _values[ordinal];

    public override int GetValues(object[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var count = Math.Min(values.Length, _values.Length);
        Array.Copy(_values, values, count);
        return count;
    }

    public override bool IsDBNull(int ordinal) => _values[ordinal] is DBNull;

    public override Type GetFieldType(int ordinal) => _values[ordinal] is DBNull ? typeof(object) : _values[ordinal].GetType();

    public override string GetDataTypeName(int ordinal) => GetFieldType(ordinal).Name;

    public override bool GetBoolean(int ordinal) => (bool)_values[ordinal];

    public override byte GetByte(int ordinal) => Convert.ToByte(_values[ordinal], CultureInfo.InvariantCulture);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override char GetChar(int ordinal) => Convert.ToChar(_values[ordinal], CultureInfo.InvariantCulture);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();

    public override DateTime GetDateTime(int ordinal) => (DateTime)_values[ordinal];

    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(_values[ordinal], CultureInfo.InvariantCulture);

    public override double GetDouble(int ordinal) => Convert.ToDouble(_values[ordinal], CultureInfo.InvariantCulture);

    public override float GetFloat(int ordinal) => Convert.ToSingle(_values[ordinal], CultureInfo.InvariantCulture);

    public override Guid GetGuid(int ordinal) => (Guid)_values[ordinal];

    public override short GetInt16(int ordinal) => Convert.ToInt16(_values[ordinal], CultureInfo.InvariantCulture);

    public override int GetInt32(int ordinal) => Convert.ToInt32(_values[ordinal], CultureInfo.InvariantCulture);

    public override long GetInt64(int ordinal) => Convert.ToInt64(_values[ordinal], CultureInfo.InvariantCulture);

    public override string GetString(int ordinal) => (string)_values[ordinal];

    public override IEnumerator GetEnumerator() => throw new NotSupportedException();

    public override void Close()
    {
        _closed = true;
        _rows.Dispose();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }
}
