namespace PerfPipeline.Generation;

using System.Globalization;
using System.Text;

/// <summary>
/// Writes one extract CSV: UTF-8 without BOM, LF line ends, RFC 4180 quoting where a value needs it. Written
/// by hand rather than with a CSV library so that the bytes are the same on every platform (the seeds are
/// compared byte for byte) and millions of rows stream out without allocating per field.
/// </summary>
internal sealed class CsvFileWriter : IDisposable
{
    private readonly HashingStream _hashing;
    private readonly StreamWriter _writer;
    private bool _rowStarted;

    public CsvFileWriter(string path, IEnumerable<string> header)
    {
        _hashing = new HashingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16));
        _writer = new StreamWriter(_hashing, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        foreach (var name in header)
        {
            Field(name);
        }

        EndRow();
        Rows = 0;
    }

    /// <summary>Data rows written (the header excluded).</summary>
    public long Rows { get; private set; }

    public void Field(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value))
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

    public void Field(DateOnly? value)
    {
        Separate();
        if (value is { } date)
        {
            Span<char> buffer = stackalloc char[10];
            date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _writer.Write(buffer[..written]);
        }
    }

    public void Field(bool? value)
    {
        Separate();
        if (value is { } flag)
        {
            _writer.Write(flag ? 'Y' : 'N');
        }
    }

    public void Field(decimal value)
    {
        Separate();
        Span<char> buffer = stackalloc char[32];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void Field(long value)
    {
        Separate();
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        _writer.Write(buffer[..written]);
    }

    public void EndRow()
    {
        _writer.Write('\n');
        _rowStarted = false;
        Rows++;
    }

    /// <summary>Flushes the file and returns its SHA-256 (lower-case hex).</summary>
    public string Complete()
    {
        _writer.Flush();
        return _hashing.Sha256();
    }

    public void Dispose() => _writer.Dispose();

    private void Separate()
    {
        if (_rowStarted)
        {
            _writer.Write(',');
        }

        _rowStarted = true;
    }
}
