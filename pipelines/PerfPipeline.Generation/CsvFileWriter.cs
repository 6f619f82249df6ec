namespace PerfPipeline.Generation;

using System.Collections.Frozen;
using System.Globalization;
using System.Text;

using PerfPipeline.Extracts;

/// <summary>
/// Writes one extract CSV: UTF-8 without BOM, LF line ends, RFC 4180 quoting where a value needs it. Fields are
/// set by the contract's column name and written in the contract's column order, so the catalogue alone decides
/// the header and the layout; a name the dataset does not have fails at once, and a column left unset is empty.
/// Written by hand rather than with a CSV library so that the bytes are the same on every platform (the seeds are
/// compared byte for byte) and millions of rows stream out without allocating per field.
/// </summary>
internal sealed class CsvFileWriter : IDisposable
{
    private readonly DatasetContract _dataset;
    private readonly FrozenDictionary<string, int> _ordinals;
    private readonly Slot[] _cells;
    private readonly HashingStream _hashing;
    private readonly StreamWriter _writer;

    public CsvFileWriter(string path, DatasetContract dataset)
    {
        _dataset = dataset;
        _ordinals = dataset.Columns.Select((column, i) => KeyValuePair.Create(column.Name, i)).ToFrozenDictionary(StringComparer.Ordinal);
        _cells = new Slot[dataset.Columns.Count];
        _hashing = new HashingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
        _writer = new StreamWriter(_hashing, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        for (var i = 0; i < _cells.Length; i++)
        {
            _cells[i] = new Slot();
            if (i > 0)
            {
                _writer.Write(',');
            }

            WriteText(dataset.Columns[i].Name);
        }

        _writer.Write('\n');
    }

    /// <summary>Data rows written (the header excluded).</summary>
    public long Rows { get; private set; }

    public void Field(string column, string? value) => SlotOf(column).Text = value;

    public void Field(string column, DateOnly? value)
    {
        var cell = SlotOf(column);
        if (value is { } date)
        {
            date.TryFormat(cell.Buffer, out cell.Length, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    public void Field(string column, bool? value)
    {
        var cell = SlotOf(column);
        if (value is { } flag)
        {
            cell.Buffer[0] = flag ? 'Y' : 'N';
            cell.Length = 1;
        }
    }

    public void Field(string column, decimal? value)
    {
        var cell = SlotOf(column);
        if (value is { } number)
        {
            number.TryFormat(cell.Buffer, out cell.Length, default, CultureInfo.InvariantCulture);
        }
    }

    public void Field(string column, long value)
    {
        var cell = SlotOf(column);
        value.TryFormat(cell.Buffer, out cell.Length, default, CultureInfo.InvariantCulture);
    }

    public void EndRow()
    {
        for (var i = 0; i < _cells.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var cell = _cells[i];
            if (cell.Text is { } text)
            {
                WriteText(text);
            }
            else
            {
                _writer.Write(cell.Buffer, 0, cell.Length);
            }

            cell.Clear();
        }

        _writer.Write('\n');
        Rows++;
    }

    /// <summary>Flushes the file and returns its SHA-256 (lower-case hex).</summary>
    public string Complete()
    {
        _writer.Flush();
        return _hashing.Sha256();
    }

    public void Dispose() => _writer.Dispose();

    private Slot SlotOf(string column)
    {
        if (!_ordinals.TryGetValue(column, out var ordinal))
        {
            throw new ArgumentException($"The contract's {_dataset.Name} has no column '{column}'.", nameof(column));
        }

        var cell = _cells[ordinal];
        if (cell.IsSet)
        {
            throw new InvalidOperationException($"{_dataset.Name}.{column} is set twice in one row.");
        }

        cell.IsSet = true;
        return cell;
    }

    private void WriteText(string value)
    {
        if (value.Length == 0)
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0 && value[0] != ' ' && value[^1] != ' ')
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    /// <summary>One field of the row being written: a text value, or a formatted number, date or flag.</summary>
    private sealed class Slot
    {
        public readonly char[] Buffer = new char[32];
        public string? Text;
        public int Length;
        public bool IsSet;

        public void Clear()
        {
            Text = null;
            Length = 0;
            IsSet = false;
        }
    }
}
