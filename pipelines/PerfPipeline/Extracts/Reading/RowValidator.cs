namespace PerfPipeline.Extracts;

using System.Runtime.CompilerServices;

/// <summary>
/// Turns the cells of one well-formed record into typed values in the rows' next slot: parses each contract column
/// by its kind (<see cref="CellParser"/>), maps the LA's own values (<see cref="LaCodeMap"/>) and the contract's
/// spellings (<see cref="CodeList"/>), checks lengths, ranges and dates, replaces person identifiers by their person
/// numbers (the file's reader resolves them to pseudonyms once the file is read), and reports row errors and warnings.
/// </summary>
internal sealed class RowValidator
{
    private readonly ColumnSpec[] _columns;
    private readonly HeaderMap _header;
    private readonly BatchReadContext _context;
    private readonly FileIssues _issues;
    private readonly CodeList?[] _codeLists;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>?[] _laCodes;
    private readonly (int Start, int End)[] _ranges;

    public RowValidator(DatasetContract contract, HeaderMap header, BatchReadContext context, FileIssues issues)
    {
        _columns = [.. contract.Columns];
        _header = header;
        _context = context;
        _issues = issues;
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

    /// <summary>
    /// The person number of the last record's primary key, when the key is a person identifier that was read (the
    /// primary-key tracker checks person keys by number).
    /// </summary>
    public int? KeyPerson { get; private set; }

    /// <summary>Parses every contract column of a well-formed record into the rows' next slot; false when the row is rejected.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read(CsvRecordReader row, long rowNumber, AcceptedRows rows)
    {
        KeyPerson = null;
        // The row's dates for the range rules, as DayNumber + 1 so that 0 is no date.
        Span<int> days = stackalloc int[_columns.Length];
        var accepted = true;
        for (var column = 0; column < _columns.Length; column++)
        {
            var field = _header.FieldOf(column);
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
                    _issues.RowError(rowNumber, spec, null, ValidationRule.RequiredValueMissing, "a required value is empty");
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
                _issues.RowError(rowNumber, spec, spec.Kind == ColumnKind.PersonId ? null : text.ToString(), ValidationRule.ValueTooLong,
                    $"{text.Length} characters, more than the {spec.MaxLength} this column takes");
                accepted = false;
                continue;
            }

            switch (spec.Kind)
            {
                case ColumnKind.PersonId:
                    // The pseudonym may still be being hashed: the rows hold the person number until the file is read.
                    var person = _context.Pseudonymiser.Enlist(text);
                    rows.SetPerson(column, person);
                    if (column == 0)
                    {
                        KeyPerson = person;
                    }

                    break;
                case ColumnKind.RecordId when column == 0:
                    rows.SetText(column, text.ToString());
                    break;
                case ColumnKind.Text or ColumnKind.RecordId:
                    rows.SetText(column, _context.Strings.Get(text));
                    break;
                case ColumnKind.Date:
                    if (!ReadDate(rowNumber, spec, text, out var date))
                    {
                        accepted = false;
                    }
                    else if (date is { } value)
                    {
                        rows.SetDate(column, value);
                        days[column] = value.DayNumber + 1;
                    }

                    break;
                case ColumnKind.Flag when CellParser.TryParseFlag(text, out var flag):
                    rows.SetFlag(column, flag);
                    break;
                case ColumnKind.Flag:
                    _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableFlag, "not a flag (Y/N, Yes/No, 1/0, True/False)");
                    accepted = false;
                    break;
                case ColumnKind.Code when _codeLists[column]!.Match(text) is { } code:
                    rows.SetText(column, code);
                    break;
                case ColumnKind.Code:
                    _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.CodeNotInList, $"not in the code list ({string.Join(", ", spec.Codes)})");
                    accepted = false;
                    break;
                case ColumnKind.Number when CellParser.TryParseNumber(text, out var number) && spec.Range is { } range && !range.Contains(number):
                    _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.NumberOutOfRange, $"out of range: must be {range}");
                    accepted = false;
                    break;
                case ColumnKind.Number when CellParser.TryParseNumber(text, out var number):
                    rows.SetNumber(column, number);
                    break;
                case ColumnKind.Number:
                    _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableNumber, "not a decimal number with '.' as separator");
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
                _issues.RowError(rowNumber, _columns[end], $"{endDate:yyyy-MM-dd}", ValidationRule.EndBeforeStart,
                    $"before {_columns[start].Name} ({startDate:yyyy-MM-dd})");
                accepted = false;
            }
        }

        return accepted;
    }

    /// <summary>
    /// The primary key of a record rejected before its values are read (a wrong field count), when it can be read, so
    /// its duplicates are still found: a text key, or a person key by its person number.
    /// </summary>
    public void ReadKeyOnly(CsvRecordReader row, out string? key, out int? person)
    {
        key = null;
        person = null;
        var field = _header.FieldOf(0);
        if (field >= row.FieldCount)
        {
            return;
        }

        var text = row[field].Trim();
        if (IsNoValue(text, _columns[0].Kind) || text.Length > _columns[0].MaxLength)
        {
            return;
        }

        if (_columns[0].Kind == ColumnKind.PersonId)
        {
            person = _context.Pseudonymiser.Enlist(text);
        }
        else
        {
            key = text.ToString();
        }
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
            _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.UnparseableDate, "not a date (yyyy-MM-dd or dd/MM/yyyy, either optionally followed by HH:mm[:ss[.fff]])");
            return false;
        }

        if (parsed == CellParser.PlaceholderDate)
        {
            _issues.Warning(rowNumber, spec, text.ToString(), ValidationRule.PlaceholderDate, "placeholder date read as no date");
            if (spec.Required)
            {
                _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.RequiredValueMissing, "a required date is a placeholder for no date");
                return false;
            }

            return true;
        }

        if (parsed.Year is < ExtractContract.MinDateYear or > ExtractContract.MaxDateYear)
        {
            _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.DateOutOfRange,
                $"outside the years {ExtractContract.MinDateYear} to {ExtractContract.MaxDateYear}");
            return false;
        }

        if (parsed > _context.AsAt)
        {
            _issues.RowError(rowNumber, spec, text.ToString(), ValidationRule.DateAfterAsAt, $"after the batch's as_at date ({_context.AsAt:yyyy-MM-dd})");
            return false;
        }

        date = parsed;
        return true;
    }
}
