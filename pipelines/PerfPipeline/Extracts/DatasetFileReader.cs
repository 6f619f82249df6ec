namespace PerfPipeline.Extracts;

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

using PerfPipeline.Privacy;

/// <summary>
/// Reads and validates one dataset file of a batch: maps the header to the contract, parses every contract column
/// by its kind, applies the row rules, and rejects every copy of a duplicated primary key. Columns outside the
/// contract are never read beyond the CSV parser's own buffer. The methods run per row or per cell (here and in
/// <see cref="CellParser"/>, <see cref="CodeList"/>, <see cref="StringPool"/>) are
/// compiled optimised from their first call: a process often reads a single batch, and tiered compilation would
/// promote them only after much of it was read unoptimised.
/// </summary>
internal sealed class DatasetFileReader
{
    private const int BufferSize = 1 << 16;

    // A manifest's row count only sizes collections up to this, so a wrong one cannot claim much memory.
    private const int MaxPresizedRows = 4_000_000;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

    private readonly DatasetContract _contract;
    private readonly string _file;
    private readonly BatchReadContext _context;
    private readonly ColumnSpec[] _columns;
    private readonly int[] _fieldOfColumn;
    private readonly CodeList?[] _codeLists;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?[] _laCodes;
    private readonly (int Start, int End)[] _ranges;
    private readonly List<ValidationIssue> _issues = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _duplicatedKeys = new(StringComparer.Ordinal);
    private readonly List<(long Row, string Key)> _rejectedKeys = [];

    // A person identifier key is tracked by its person number until the file's pseudonyms are hashed.
    private readonly bool _keyIsPerson;
    private readonly HashSet<int> _personKeys = [];
    private readonly HashSet<int> _duplicatedPersonKeys = [];
    private readonly List<(long Row, int Person)> _rejectedPersonKeys = [];
    private readonly int _capacity;
    private readonly AcceptedRows _rows;
    private string? _lastKey;
    private bool _keysIncreasing = true;
    private int _headerFieldCount = -1;
    private bool _headerRejected;
    private long _rowsRead;
    private long _rowsRejected;
    private long _rowsWithKey;

    /// <param name="expectedRows">The manifest's row count, when given: sizes the row list and key set up front (capped).</param>
    public DatasetFileReader(DatasetContract contract, string file, BatchReadContext context, long? expectedRows = null)
    {
        _capacity = (int)Math.Clamp(expectedRows ?? 0, 0, MaxPresizedRows);
        _rows = new AcceptedRows(contract, _capacity, peopleByNumber: true);
        _contract = contract;
        _file = file;
        _context = context;
        _columns = [.. contract.Columns];
        _keyIsPerson = contract.PrimaryKey.Kind == ColumnKind.PersonId;
        _fieldOfColumn = new int[_columns.Length];
        Array.Fill(_fieldOfColumn, -1);
        _codeLists = new CodeList?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            _codeLists[i] = _columns[i].Kind == ColumnKind.Code ? new CodeList(_columns[i].Codes, _columns[i].Spellings) : null;
        }

        // The LA's own values for a column (never for identifiers), looked up before the contract's codes.
        _laCodes = new Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            if (_columns[i].Kind is not (ColumnKind.RecordId or ColumnKind.PersonId) && context.CodeMap.For(contract.Name, _columns[i].Name) is { } map)
            {
                _laCodes[i] = map.GetAlternateLookup<ReadOnlySpan<char>>();
            }
        }

        _ranges = new (int, int)[contract.DateRanges.Count];
        for (var i = 0; i < _ranges.Length; i++)
        {
            _ranges[i] = (contract.IndexOf(contract.DateRanges[i].Start), contract.IndexOf(contract.DateRanges[i].End));
        }
    }

    /// <summary>The data rows read so far.</summary>
    public long RowsRead => _rowsRead;

    public async Task<DatasetReadResult> ReadAsync(Stream stream, bool computeSha256, CancellationToken cancellationToken)
    {
        using var sha256 = computeSha256 ? SHA256.Create() : null;
        var source = sha256 is null ? stream : new CryptoStream(stream, sha256, CryptoStreamMode.Read, leaveOpen: true);
        var unreadable = false;
        try
        {
            using (var text = new StreamReader(source, StrictUtf8, detectEncodingFromByteOrderMarks: false, BufferSize, leaveOpen: true))
            using (var csv = new CsvRecordReader(text, ExtractContract.MaxRecordLength))
            {
                while (await csv.MoveNextAsync(cancellationToken).ConfigureAwait(false))
                {
                    Read(csv);
                }
            }

            if (sha256 is not null)
            {
                // The checksum covers every byte, including any the text reader did not need.
                await source.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or DecoderFallbackException or InvalidDataException)
        {
            unreadable = true;
            FileError(ValidationRule.FileUnreadable, null, $"the file cannot be read as UTF-8 CSV: {exception.Message}");
            _rowsRejected += _rows.Count;
            _rows.Clear();
        }
        finally
        {
            if (!ReferenceEquals(source, stream))
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }

        if (_headerFieldCount < 0 && !unreadable)
        {
            FileError(ValidationRule.HeaderMissing, null, "the file has no header row");
        }

        ResolvePeople();
        RejectDuplicateKeys();
        var extract = new DatasetExtract(_contract, _file, _rowsRead, _rowsRejected, _rows);
        var hash = sha256 is not null && !unreadable ? Convert.ToHexStringLower(sha256.Hash!) : null;
        return new DatasetReadResult(extract, _issues, hash, unreadable) { Keyless = !unreadable && !_headerRejected && _rowsRead > 0 && _rowsWithKey == 0 };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Read(CsvRecordReader row)
    {
        // Entirely blank lines are not records.
        if (row.IsBlank)
        {
            return;
        }

        if (_headerFieldCount < 0)
        {
            if (row.Framing != CsvFraming.Record)
            {
                _headerFieldCount = 0;
                _headerRejected = true;
                FileError(ValidationRule.HeaderMissing, null, $"the header row (line {row.Line}) cannot be read: {Unframed(row)}");
                return;
            }

            ReadHeader(row);
            return;
        }

        _rowsRead++;
        if (_headerRejected)
        {
            _rowsRejected++;
            return;
        }

        if (row.Framing != CsvFraming.Record)
        {
            // Nothing of the record is kept, not even its key: what it holds is not known to be one row's values.
            RowError(_rowsRead, null, null, row.Framing == CsvFraming.RunawayQuote ? ValidationRule.QuoteNotClosed : ValidationRule.RecordTooLong,
                Unframed(row));
            _rowsRejected++;
            return;
        }

        ReadRecord(row, _rowsRead);
    }

    private string Unframed(CsvRecordReader row)
    {
        if (row.Framing == CsvFraming.RecordTooLong)
        {
            return $"the record starting on line {row.Line} is longer than {ExtractContract.MaxRecordLength} characters; reading resumes on the next line";
        }

        var column = Array.IndexOf(_fieldOfColumn, row.QuoteField);
        var limit = column >= 0 ? Math.Min(_columns[column].MaxLength, ExtractContract.MaxRecordLength) : ExtractContract.MaxRecordLength;
        var where = column < 0 ? $"within {limit} characters"
            : _columns[column].AllowsLineBreaks ? $"within {limit} characters, or runs on over lines that hold commas"
            : $"on that line within {limit} characters";
        return $"the quote opened on line {row.QuoteLine} in {FieldName(row.QuoteField)} does not close {where}; " +
            $"the record is rejected and reading resumes on line {row.QuoteLine + 1}";
    }

    private string FieldName(int field)
    {
        var column = Array.IndexOf(_fieldOfColumn, field);
        return column >= 0 ? _columns[column].Name : $"field {field + 1}";
    }

    private void ReadHeader(CsvRecordReader row)
    {
        _headerFieldCount = row.FieldCount;
        for (var field = 0; field < row.FieldCount; field++)
        {
            var column = ColumnNamed(row[field].Trim());
            if (column < 0)
            {
                continue;
            }

            if (_fieldOfColumn[column] >= 0)
            {
                FileError(ValidationRule.ColumnNamedTwice, _columns[column].Name, "the header names this contract column more than once");
                _headerRejected = true;
                continue;
            }

            _fieldOfColumn[column] = field;
        }

        for (var column = 0; column < _columns.Length; column++)
        {
            if (_columns[column] is { Required: true, DerivedFrom: null } && _fieldOfColumn[column] < 0)
            {
                FileError(ValidationRule.RequiredColumnMissing, _columns[column].Name, "a required column is missing from the header");
                _headerRejected = true;
            }
        }

        // A quoted value may run no longer than its column's limit: past it, the quote is taken as unclosed.
        var limits = new int[_headerFieldCount];
        var lineBreaks = new CsvLineBreaks[_headerFieldCount];
        Array.Fill(limits, ExtractContract.MaxRecordLength);
        for (var column = 0; column < _columns.Length; column++)
        {
            if (_fieldOfColumn[column] >= 0)
            {
                limits[_fieldOfColumn[column]] = _columns[column].MaxLength;
                lineBreaks[_fieldOfColumn[column]] = _columns[column].AllowsLineBreaks ? CsvLineBreaks.NoCommaAfterBreak : CsvLineBreaks.None;
            }
        }

        row.SetFieldLimits(limits, lineBreaks);
    }

    private int ColumnNamed(ReadOnlySpan<char> name)
    {
        for (var column = 0; column < _columns.Length; column++)
        {
            if (name.Equals(_columns[column].Name, StringComparison.OrdinalIgnoreCase))
            {
                return column;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadRecord(CsvRecordReader row, long rowNumber)
    {
        string? key = null;
        int? person = null;
        bool rejected;
        if (row.FieldCount != _headerFieldCount)
        {
            RowError(rowNumber, null, null, ValidationRule.WrongFieldCount,
                $"the record starting on line {row.Line} has {row.FieldCount} fields, the header has {_headerFieldCount}");
            rejected = true;
            ReadKeyOnly(row, out key, out person);
        }
        else
        {
            rejected = !ReadValues(row, rowNumber);
            if (_keyIsPerson)
            {
                person = _rows.PendingPerson(0);
            }
            else
            {
                key = _rows.PendingText(0);
            }
        }

        if (key is not null || person is not null)
        {
            _rowsWithKey++;
        }

        if (key is not null)
        {
            TrackKey(key);
        }
        else if (person is { } personKey && !_personKeys.Add(personKey))
        {
            _duplicatedPersonKeys.Add(personKey);
        }

        if (rejected)
        {
            _rowsRejected++;
            _rows.DiscardPending();
            if (key is not null)
            {
                _rejectedKeys.Add((rowNumber, key));
            }
            else if (person is { } rejectedPerson)
            {
                _rejectedPersonKeys.Add((rowNumber, rejectedPerson));
            }
        }
        else
        {
            _rows.Accept(rowNumber);
        }
    }

    /// <summary>Parses every contract column of a well-formed record into the rows' next slot; false when the row is rejected.</summary>
    private bool ReadValues(CsvRecordReader row, long rowNumber)
    {
        // The row's dates for the range rules, as DayNumber + 1 so that 0 is no date.
        Span<int> days = stackalloc int[_columns.Length];
        var accepted = true;
        for (var column = 0; column < _columns.Length; column++)
        {
            var field = _fieldOfColumn[column];
            if (field < 0)
            {
                continue;
            }

            var text = row[field].Trim();
            var spec = _columns[column];
            if (IsNoValue(text, spec.Kind))
            {
                if (spec is { Required: true, DerivedFrom: null })
                {
                    RowError(rowNumber, spec, null, ValidationRule.RequiredValueMissing, "a required value is empty");
                    accepted = false;
                }

                continue;
            }

            if (_laCodes[column] is { } laCodes && laCodes.TryGetValue(text, out var mapped))
            {
                text = mapped.AsSpan();
            }

            if (text.Length > spec.MaxLength)
            {
                // A person identifier is never shown; other values as a short excerpt (the report redacts identifiers in it).
                RowError(rowNumber, spec, spec.Kind == ColumnKind.PersonId ? null : text.ToString(), ValidationRule.ValueTooLong,
                    $"{text.Length} characters, more than the {spec.MaxLength} this column takes");
                accepted = false;
                continue;
            }

            switch (spec.Kind)
            {
                case ColumnKind.PersonId:
                    _rows.SetPerson(column, _context.Pseudonymiser.Enlist(text));
                    break;
                case ColumnKind.RecordId when column == 0:
                    _rows.SetText(column, text.ToString());
                    break;
                case ColumnKind.Text or ColumnKind.RecordId:
                    _rows.SetText(column, _context.Strings.Get(text));
                    break;
                case ColumnKind.Date:
                    if (!ReadDate(rowNumber, spec, text, out var date))
                    {
                        accepted = false;
                    }
                    else if (date is { } value)
                    {
                        _rows.SetDate(column, value);
                        days[column] = value.DayNumber + 1;
                    }

                    break;
                case ColumnKind.Flag when CellParser.TryParseFlag(text, out var flag):
                    _rows.SetFlag(column, flag);
                    break;
                case ColumnKind.Flag:
                    RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableFlag, "not a flag (Y/N, Yes/No, 1/0, True/False)");
                    accepted = false;
                    break;
                case ColumnKind.Code when _codeLists[column]!.Match(text) is { } code:
                    _rows.SetText(column, code);
                    break;
                case ColumnKind.Code:
                    RowError(rowNumber, spec, text.ToString(), ValidationRule.CodeNotInList, $"not in the code list ({string.Join(", ", spec.Codes)})");
                    accepted = false;
                    break;
                case ColumnKind.Number when CellParser.TryParseNumber(text, out var number) && spec.Range is { } range && !range.Contains(number):
                    RowError(rowNumber, spec, text.ToString(), ValidationRule.NumberOutOfRange, $"out of range: must be {range}");
                    accepted = false;
                    break;
                case ColumnKind.Number when CellParser.TryParseNumber(text, out var number):
                    _rows.SetNumber(column, number);
                    break;
                case ColumnKind.Number:
                    RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableNumber, "not a decimal number with '.' as separator");
                    accepted = false;
                    break;
                default:
                    throw new InvalidOperationException($"Column kind {spec.Kind} has no reader.");
            }
        }

        foreach (var (start, end) in _ranges)
        {
            if (days[start] != 0 && days[end] != 0 && days[end] < days[start])
            {
                DateOnly startDate = DateOnly.FromDayNumber(days[start] - 1), endDate = DateOnly.FromDayNumber(days[end] - 1);
                RowError(rowNumber, _columns[end], $"{endDate:yyyy-MM-dd}", ValidationRule.EndBeforeStart,
                    $"before {_columns[start].Name} ({startDate:yyyy-MM-dd})");
                accepted = false;
            }
        }

        return accepted;
    }

    /// <summary>
    /// An empty cell, the literal <c>NULL</c> SQL Server Management Studio writes for one, or (in a flag) SSD's <c>NA</c>:
    /// no value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNoValue(ReadOnlySpan<char> text, ColumnKind kind) =>
        text.IsEmpty
        || (text.Length == 4 && text.Equals(ExtractContract.NullLiteral, StringComparison.OrdinalIgnoreCase))
        || (kind == ColumnKind.Flag && text.Length == 2 && text.Equals(ExtractContract.NotApplicableFlag, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a date cell: false when the row is rejected; <paramref name="date"/> null for a placeholder.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ReadDate(long rowNumber, ColumnSpec spec, ReadOnlySpan<char> text, out DateOnly? date)
    {
        date = null;
        if (!CellParser.TryParseDate(text, out var parsed))
        {
            RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableDate, "not a date (yyyy-MM-dd or dd/MM/yyyy, either optionally followed by HH:mm[:ss[.fff]])");
            return false;
        }

        if (parsed == CellParser.PlaceholderDate)
        {
            Warning(rowNumber, spec, text.ToString(), ValidationRule.PlaceholderDate, "placeholder date read as no date");
            if (spec.Required)
            {
                RowError(rowNumber, spec, text.ToString(), ValidationRule.RequiredValueMissing, "a required date is a placeholder for no date");
                return false;
            }

            return true;
        }

        if (parsed.Year is < ExtractContract.MinDateYear or > ExtractContract.MaxDateYear)
        {
            RowError(rowNumber, spec, text.ToString(), ValidationRule.DateOutOfRange,
                $"outside the years {ExtractContract.MinDateYear} to {ExtractContract.MaxDateYear}");
            return false;
        }

        if (parsed > _context.AsAt)
        {
            RowError(rowNumber, spec, text.ToString(), ValidationRule.DateAfterAsAt, $"after the batch's as_at date ({_context.AsAt:yyyy-MM-dd})");
            return false;
        }

        date = parsed;
        return true;
    }

    /// <summary>
    /// Notes a primary key to find duplicates. Extracts often come in key order: while every key is greater than the
    /// one before, none can repeat and no index is needed. From the first key out of order, every key so far goes
    /// into a hash set and each new key is checked against it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TrackKey(string key)
    {
        if (_keysIncreasing)
        {
            if (_lastKey is null || string.CompareOrdinal(key, _lastKey) > 0)
            {
                _lastKey = key;
                return;
            }

            _keysIncreasing = false;
            _keys.EnsureCapacity(Math.Max(_capacity, _rows.Count + _rejectedKeys.Count));

            for (var row = 0; row < _rows.Count; row++)
            {
                AddKey(_rows.Text(row, 0)!);
            }

            foreach (var (_, rejectedKey) in _rejectedKeys)
            {
                AddKey(rejectedKey);
            }
        }

        AddKey(key);
    }

    /// <summary>Notes a key once keys are out of order.</summary>
    private void AddKey(string key)
    {
        if (!_keys.Add(key))
        {
            _duplicatedKeys.Add(key);
        }
    }

    /// <summary>The primary key of a malformed record, when it can be read, so its duplicates are still found.</summary>
    private void ReadKeyOnly(CsvRecordReader row, out string? key, out int? person)
    {
        key = null;
        person = null;
        var field = _fieldOfColumn[0];
        if (field >= row.FieldCount)
        {
            return;
        }

        var text = row[field].Trim();
        if (IsNoValue(text, _columns[0].Kind) || text.Length > _columns[0].MaxLength)
        {
            return;
        }

        if (_keyIsPerson)
        {
            person = _context.Pseudonymiser.Enlist(text);
        }
        else
        {
            key = text.ToString();
        }
    }

    /// <summary>Stores the pseudonyms of the file's person numbers, in the rows and in the keys the duplicate check reports.</summary>
    private void ResolvePeople()
    {
        var pseudonymiser = _context.Pseudonymiser;
        _rows.ResolvePeople(pseudonymiser.Pseudonym);
        foreach (var (rowNumber, person) in _rejectedPersonKeys)
        {
            _rejectedKeys.Add((rowNumber, pseudonymiser.Pseudonym(person)));
        }

        foreach (var person in _duplicatedPersonKeys)
        {
            _duplicatedKeys.Add(pseudonymiser.Pseudonym(person));
        }
    }

    /// <summary>Every copy of a duplicated primary key is rejected; a copy already rejected for another reason is counted once.</summary>
    private void RejectDuplicateKeys()
    {
        if (_duplicatedKeys.Count == 0)
        {
            return;
        }

        var copies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in _duplicatedKeys)
        {
            copies[key] = 0;
        }

        for (var row = 0; row < _rows.Count; row++)
        {
            var key = _rows.Text(row, 0)!;
            if (copies.TryGetValue(key, out var count))
            {
                copies[key] = count + 1;
            }
        }

        foreach (var (_, key) in _rejectedKeys)
        {
            if (copies.TryGetValue(key, out var count))
            {
                copies[key] = count + 1;
            }
        }

        var keyColumn = _columns[0];
        _rows.RemoveWhere(row =>
        {
            var key = _rows.Text(row, 0)!;
            if (!copies.TryGetValue(key, out var count))
            {
                return false;
            }

            DuplicateError(_rows.RowNumber(row), keyColumn, key, count);
            _rowsRejected++;
            return true;
        });

        foreach (var (rowNumber, key) in _rejectedKeys)
        {
            if (copies.TryGetValue(key, out var count))
            {
                DuplicateError(rowNumber, keyColumn, key, count);
            }
        }

        var ordered = _issues.OrderBy(issue => issue.Row ?? 0).ToList();
        _issues.Clear();
        _issues.AddRange(ordered);
    }

    private void DuplicateError(long rowNumber, ColumnSpec key, string value, int copies) =>
        RowError(rowNumber, key, value, ValidationRule.DuplicatePrimaryKey, $"the primary key appears in {copies} rows; every copy is rejected");

    private void FileError(ValidationRule rule, string? column, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.FileError, _contract.Name, null, column, _file, reason) { Rule = rule });

    private void RowError(long rowNumber, ColumnSpec? column, string? value, ValidationRule rule, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.RowError, _contract.Name, rowNumber, column?.Name, value, reason) { Rule = rule });

    private void Warning(long rowNumber, ColumnSpec column, string? value, ValidationRule rule, string reason) =>
        _issues.Add(new ValidationIssue(IssueSeverity.Warning, _contract.Name, rowNumber, column.Name, value, reason) { Rule = rule });
}
