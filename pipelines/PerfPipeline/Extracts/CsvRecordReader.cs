namespace PerfPipeline.Extracts;

using System.Buffers;
using System.Runtime.CompilerServices;

/// <summary>How the last record read was framed.</summary>
internal enum CsvFraming
{
    /// <summary>A record: its fields are readable.</summary>
    Record,

    /// <summary>
    /// A quoted field ran past its field's limit, the record limit or the end of the file without closing, or across a
    /// line end in a field that holds single-line values. The record
    /// is given up and reading resumes on the line after the one where the quote opened.
    /// </summary>
    RunawayQuote,

    /// <summary>An unquoted record longer than the record limit; reading resumes on the next line.</summary>
    RecordTooLong,
}

/// <summary>What line breaks a quoted field may hold.</summary>
internal enum CsvLineBreaks
{
    /// <summary>Any (a column outside the contract).</summary>
    Allowed,

    /// <summary>
    /// Line breaks, but no comma after one: a quote that opens in a text value and runs on over the next lines (each a
    /// record, with commas) is taken as unclosed instead of swallowing them.
    /// </summary>
    NoCommaAfterBreak,

    /// <summary>None: identifiers, codes, dates, flags and numbers are one line.</summary>
    None,
}

/// <summary>
/// Frames RFC 4180 records (comma, double-quote quoting, CRLF, LF or CR line ends) from text, with limits that keep
/// one bad quote or one huge line from swallowing the rest of a file or from exhausting memory. A quoted field may
/// hold line breaks, but only within its field's limit (<see cref="SetFieldLimits"/>) and the record limit, and only
/// in a field that takes them: otherwise the record is reported as <see cref="CsvFraming.RunawayQuote"/>, naming the line where the quote opened,
/// and the lines after that one are framed again as usual. Every line of the text ends up in exactly one record.
/// Looks ahead by the record limit, so framing never waits for more text in the middle of a record.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private static readonly SearchValues<char> FieldEnds = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> LineEnds = SearchValues.Create("\r\n");

    private readonly TextReader _text;
    private readonly int _maxRecordLength;
    private char[] _buffer;
    private char[] _scratch;
    private int _position;
    private int _end;
    private bool _endOfText;
    private bool _skippingLine;
    private long _line = 1;
    private int[] _fieldLimits = [];
    private CsvLineBreaks[] _lineBreaks = [];

    // The fields of the current record: start and length in the buffer, or in the scratch buffer when unescaped.
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private bool[] _unescaped = new bool[32];
    private int _scratchLength;

    public CsvRecordReader(TextReader text, int maxRecordLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecordLength, 16);
        _text = text;
        _maxRecordLength = maxRecordLength;
        _buffer = ArrayPool<char>.Shared.Rent((2 * maxRecordLength) + 4);
        _scratch = ArrayPool<char>.Shared.Rent(Math.Min(maxRecordLength + 4, 1 << 16));
    }

    public CsvFraming Framing { get; private set; }

    /// <summary>The number of fields of a <see cref="CsvFraming.Record"/>.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The line (1 = first) the record starts on.</summary>
    public long Line { get; private set; }

    /// <summary>For a <see cref="CsvFraming.RunawayQuote"/>: the line where the quote opened.</summary>
    public long QuoteLine { get; private set; }

    /// <summary>For a <see cref="CsvFraming.RunawayQuote"/>: the field (0 = first) whose quote ran away.</summary>
    public int QuoteField { get; private set; }

    /// <summary>A record of one empty or white-space unquoted field: a blank line, not a record.</summary>
    public bool IsBlank => Framing == CsvFraming.Record && FieldCount == 1 && !_unescaped[0] && this[0].IsWhiteSpace();

    public ReadOnlySpan<char> this[int field]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)field, (uint)FieldCount, nameof(field));
            return _unescaped[field] ? _scratch.AsSpan(_starts[field], _lengths[field]) : _buffer.AsSpan(_starts[field], _lengths[field]);
        }
    }

    /// <summary>
    /// The longest a quoted field may be, by field position (once the header says what each field holds), and what line
    /// breaks it may hold; a field past the end of <paramref name="limits"/> may be as long as the record limit and hold
    /// any line breaks.
    /// </summary>
    public void SetFieldLimits(int[] limits, CsvLineBreaks[] lineBreaks)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(lineBreaks);
        _fieldLimits = limits;
        _lineBreaks = lineBreaks;
    }

    /// <summary>
    /// Frames the next record from the text already buffered, exactly when <see cref="MoveNextAsync"/> would frame it
    /// without reading more; false when more text must be read first (or none is left). A file's records are then read
    /// in a plain loop between reads of text, not through an awaited call each.
    /// </summary>
    public bool TryMoveNextBuffered()
    {
        if (_skippingLine || (_endOfText ? _position >= _end : _end - _position < _maxRecordLength + 2))
        {
            return false;
        }

        Frame();
        return true;
    }

    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
            if (!_skippingLine)
            {
                break;
            }

            SkipLine();
            if (_skippingLine && _endOfText && _position == _end)
            {
                _skippingLine = false;
            }
        }

        if (_position >= _end && _endOfText)
        {
            return false;
        }

        Frame();
        return true;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_buffer);
        ArrayPool<char>.Shared.Return(_scratch);
        _buffer = [];
        _scratch = [];
    }

    private int FieldLimit(int field) => field < _fieldLimits.Length ? Math.Min(_fieldLimits[field], _maxRecordLength) : _maxRecordLength;

    /// <summary>Keeps at least the record limit (and a line end) of text ahead, unless the text ends sooner.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_endOfText || _end - _position >= _maxRecordLength + 2)
        {
            return;
        }

        if (_position > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }

        while (_end < _buffer.Length)
        {
            var read = await _text.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _endOfText = true;
                break;
            }

            _end += read;
        }
    }

    /// <summary>Discards text up to and including the next line end (a line too long to frame).</summary>
    private void SkipLine()
    {
        var index = _buffer.AsSpan(_position, _end - _position).IndexOfAny(LineEnds);
        if (index < 0)
        {
            _position = _end;
            return;
        }

        _position = AfterLineEnd(_position + index);
        _line++;
        _skippingLine = false;
    }

    private int AfterLineEnd(int lineEnd) =>
        _buffer[lineEnd] == '\r' && lineEnd + 1 < _end && _buffer[lineEnd + 1] == '\n' ? lineEnd + 2 : lineEnd + 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Frame()
    {
        Framing = CsvFraming.Record;
        FieldCount = 0;
        _scratchLength = 0;
        Line = _line;
        var start = _position;
        var position = start;
        var line = _line;
        while (true)
        {
            var fieldStart = position;
            while (fieldStart < _end && _buffer[fieldStart] is ' ' or '\t')
            {
                fieldStart++;
            }

            int fieldEnd;
            if (fieldStart < _end && _buffer[fieldStart] == '"')
            {
                if (!TryReadQuoted(start, fieldStart, out position))
                {
                    return;
                }

                line += CountLineBreaks(_buffer.AsSpan(fieldStart, position - fieldStart));

                // Text between the closing quote and the comma (other than spaces) is kept, as lenient readers do.
                var rest = _buffer.AsSpan(position, _end - position).IndexOfAny(FieldEnds);
                fieldEnd = rest < 0 ? _end : position + rest;
                var extra = _buffer.AsSpan(position, fieldEnd - position).Trim();
                if (!extra.IsEmpty)
                {
                    AppendScratch(extra);
                    _lengths[FieldCount - 1] += extra.Length;
                }
            }
            else
            {
                var index = _buffer.AsSpan(position, _end - position).IndexOfAny(FieldEnds);
                fieldEnd = index < 0 ? _end : position + index;
                AddField(position, fieldEnd - position, unescaped: false);
            }

            if (fieldEnd - start > _maxRecordLength || (fieldEnd == _end && !_endOfText))
            {
                TooLong(fieldStart, line);
                return;
            }

            if (fieldEnd == _end)
            {
                _position = _end;
                _line = line;
                return;
            }

            if (_buffer[fieldEnd] == ',')
            {
                position = fieldEnd + 1;
                continue;
            }

            _position = AfterLineEnd(fieldEnd);
            _line = line + 1;
            return;
        }
    }

    /// <summary>
    /// Reads the quoted field opening at <paramref name="quote"/> into the scratch buffer; false (and the record framed as
    /// a runaway quote) when it does not close within its limits.
    /// </summary>
    private bool TryReadQuoted(int recordStart, int quote, out int afterClosingQuote)
    {
        afterClosingQuote = 0;
        var limit = FieldLimit(FieldCount);
        var breaks = FieldCount < _lineBreaks.Length ? _lineBreaks[FieldCount] : CsvLineBreaks.Allowed;
        var afterBreak = false;
        var scratchStart = _scratchLength;
        var position = quote + 1;
        while (true)
        {
            var index = _buffer.AsSpan(position, _end - position).IndexOf('"');
            var segmentEnd = index < 0 ? _end : position + index;
            var length = _scratchLength - scratchStart + (segmentEnd - position);
            if (index < 0 || length > limit || segmentEnd - recordStart > _maxRecordLength
                || BreaksRule(_buffer.AsSpan(position, segmentEnd - position), breaks, ref afterBreak))
            {
                Runaway(quote);
                return false;
            }

            AppendScratch(_buffer.AsSpan(position, segmentEnd - position));
            if (segmentEnd + 1 < _end && _buffer[segmentEnd + 1] == '"')
            {
                AppendScratch("\"");
                position = segmentEnd + 2;
                continue;
            }

            AddField(scratchStart, _scratchLength - scratchStart, unescaped: true);
            afterClosingQuote = segmentEnd + 1;
            return true;
        }
    }

    /// <summary>Whether the quoted text breaks its field's line-break rule (<paramref name="afterBreak"/> carries over segments).</summary>
    private static bool BreaksRule(ReadOnlySpan<char> segment, CsvLineBreaks rule, ref bool afterBreak)
    {
        if (rule == CsvLineBreaks.Allowed)
        {
            return false;
        }

        var index = afterBreak ? 0 : segment.IndexOfAny(LineEnds);
        if (index < 0)
        {
            return false;
        }

        if (rule == CsvLineBreaks.None)
        {
            return true;
        }

        afterBreak = true;
        return segment[index..].Contains(',');
    }

    private void Runaway(int quote)
    {
        Framing = CsvFraming.RunawayQuote;
        QuoteField = FieldCount;
        QuoteLine = Line + CountLineBreaks(_buffer.AsSpan(_position, quote - _position));
        FieldCount = 0;
        var index = _buffer.AsSpan(quote, _end - quote).IndexOfAny(LineEnds);
        if (index >= 0)
        {
            _position = AfterLineEnd(quote + index);
            _line = QuoteLine + 1;
        }
        else
        {
            // The quote's line runs past what is buffered: skip the rest of it.
            _position = _end;
            _line = QuoteLine;
            _skippingLine = !_endOfText;
        }
    }

    /// <summary>The record is too long: reading resumes after the line end that follows the field too long to frame.</summary>
    private void TooLong(int fieldStart, long line)
    {
        Framing = CsvFraming.RecordTooLong;
        FieldCount = 0;
        var index = _buffer.AsSpan(fieldStart, _end - fieldStart).IndexOfAny(LineEnds);
        if (index >= 0)
        {
            _position = AfterLineEnd(fieldStart + index);
            _line = line + 1;
            return;
        }

        _position = _end;
        _line = line;
        _skippingLine = !_endOfText;
    }

    private static long CountLineBreaks(ReadOnlySpan<char> text)
    {
        long count = 0;
        while (true)
        {
            var index = text.IndexOfAny(LineEnds);
            if (index < 0)
            {
                return count;
            }

            count++;
            text = text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? text[(index + 2)..] : text[(index + 1)..];
        }
    }

    private void AddField(int start, int length, bool unescaped)
    {
        if (FieldCount == _starts.Length)
        {
            Array.Resize(ref _starts, FieldCount * 2);
            Array.Resize(ref _lengths, FieldCount * 2);
            Array.Resize(ref _unescaped, FieldCount * 2);
        }

        _starts[FieldCount] = start;
        _lengths[FieldCount] = length;
        _unescaped[FieldCount] = unescaped;
        FieldCount++;
    }

    private void AppendScratch(ReadOnlySpan<char> text)
    {
        if (_scratchLength + text.Length > _scratch.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_scratch.Length * 2, _scratchLength + text.Length));
            _scratch.AsSpan(0, _scratchLength).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_scratch);
            _scratch = larger;
        }

        text.CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += text.Length;
    }
}
