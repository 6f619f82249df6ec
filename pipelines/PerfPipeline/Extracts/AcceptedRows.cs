namespace PerfPipeline.Extracts;

using System.Collections;

/// <summary>
/// The accepted rows of one dataset, stored by column: text-like values (identifiers, pseudonyms, codes, free text) as
/// strings, dates, flags and numbers unboxed. A million-row dataset is then a few arrays rather than a million objects
/// the garbage collector has to trace and copy. The typed accessors (<see cref="Text"/>, <see cref="Date"/>,
/// <see cref="Flag"/>, <see cref="Number"/>, <see cref="Value"/>) read one cell without allocating; reading a row as an
/// <see cref="AcceptedRow"/> builds its values array.
/// </summary>
public sealed class AcceptedRows : IReadOnlyList<AcceptedRow>
{
    private const int MinimumCapacity = 16;

    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    // Per column, exactly one of these arrays is set, by the column's kind. Dates are stored as DayNumber + 1 and
    // flags as 1 (false) or 2 (true), so that 0, the arrays' default, is "no value".
    private readonly string?[]?[] _texts;
    private readonly int[]?[] _dates;
    private readonly byte[]?[] _flags;
    private readonly decimal?[]?[] _numbers;

    // While a file is read, a person column holds person numbers + 1 (0: no value) until the file's pseudonyms are known
    // (ResolvePeople): the pseudonymiser hashes new identifiers on another thread, and the reader never waits mid-file.
    private readonly int[]?[] _people;

    // Each row's number in its file. While every row so far is its file's next (1, 2, 3, …: none rejected between them,
    // as in most files) the number is the index + 1 and nothing is stored; the array is made at the first gap.
    private long[]? _rowNumbers;
    private int _slots;
    private int _count;
    private bool _released;

    /// <param name="capacity">Rows to make room for up front (it grows as needed).</param>
    internal AcceptedRows(DatasetContract contract, int capacity)
    {
        Contract = contract;
        var columns = contract.Columns.Count;
        _texts = new string?[]?[columns];
        _dates = new int[]?[columns];
        _flags = new byte[]?[columns];
        _numbers = new decimal?[]?[columns];
        _people = new int[]?[columns];

        // One slot more than the rows: the row being read is written in place before it is accepted.
        _slots = Math.Max(MinimumCapacity, capacity + 1);
        for (var column = 0; column < columns; column++)
        {
            switch (contract.Columns[column].Kind)
            {
                case ColumnKind.Date:
                    _dates[column] = new int[_slots];
                    break;
                case ColumnKind.Flag:
                    _flags[column] = new byte[_slots];
                    break;
                case ColumnKind.Number:
                    _numbers[column] = new decimal?[_slots];
                    break;
                default:
                    _texts[column] = new string?[_slots];
                    break;
            }
        }
    }

    /// <summary>The dataset the rows belong to: its columns say which accessor reads which column.</summary>
    public DatasetContract Contract { get; }

    public int Count => _count;

    /// <summary>The row with its values in contract order (see <see cref="AcceptedRow"/>); builds a new values array.</summary>
    public AcceptedRow this[int index]
    {
        get
        {
            CheckRow(index);
            var values = new object?[_texts.Length];
            for (var column = 0; column < values.Length; column++)
            {
                values[column] = Value(index, column);
            }

            return new AcceptedRow(StoredRowNumber(index), values);
        }
    }

    /// <summary>
    /// Builds the stored form of <paramref name="rows"/>, whose values are in <paramref name="contract"/>'s column order and of
    /// its columns' types (see <see cref="AcceptedRow"/>).
    /// </summary>
    public static AcceptedRows From(DatasetContract contract, IReadOnlyList<AcceptedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(rows);
        var stored = new AcceptedRows(contract, rows.Count);
        var columns = contract.Columns;
        foreach (var row in rows)
        {
            if (row.Values.Length != columns.Count)
            {
                throw new ArgumentException($"Row {row.RowNumber} has {row.Values.Length} values; {contract.Name} has {columns.Count} columns.", nameof(rows));
            }

            for (var column = 0; column < columns.Count; column++)
            {
                var stores = stored.TrySet(column, row.Values[column]);
                if (!stores)
                {
                    throw new ArgumentException(
                        $"Row {row.RowNumber}: a {row.Values[column]!.GetType().Name} is not a {columns[column].Kind} value ({columns[column].Name}).", nameof(rows));
                }
            }

            stored.Accept(row.RowNumber);
        }

        return stored;
    }

    /// <summary>The row's number in its file (1 = first data row).</summary>
    public long RowNumber(int row)
    {
        CheckRow(row);
        return StoredRowNumber(row);
    }

    /// <summary>The value of a <see cref="ColumnKind.Text"/>, <see cref="ColumnKind.RecordId"/>, <see cref="ColumnKind.PersonId"/> or <see cref="ColumnKind.Code"/> column.</summary>
    public string? Text(int row, int column)
    {
        CheckRow(row);
        CheckResolved(column);
        return Column(_texts, column)[row];
    }

    /// <summary>The value of a <see cref="ColumnKind.Date"/> column.</summary>
    public DateOnly? Date(int row, int column)
    {
        CheckRow(row);
        var stored = Column(_dates, column)[row];
        return stored == 0 ? null : DateOnly.FromDayNumber(stored - 1);
    }

    /// <summary>The value of a <see cref="ColumnKind.Flag"/> column.</summary>
    public bool? Flag(int row, int column)
    {
        CheckRow(row);
        var stored = Column(_flags, column)[row];
        return stored == 0 ? null : stored == 2;
    }

    /// <summary>The value of a <see cref="ColumnKind.Number"/> column.</summary>
    public decimal? Number(int row, int column)
    {
        CheckRow(row);
        return Column(_numbers, column)[row];
    }

    /// <summary>The value of any column as <see cref="AcceptedRow.Values"/> holds it; flags are shared boxes.</summary>
    public object? Value(int row, int column)
    {
        CheckRow(row);
        if (_texts[column] is { } texts)
        {
            CheckResolved(column);
            return texts[row];
        }

        if (_dates[column] is { } dates)
        {
            return dates[row] == 0 ? null : DateOnly.FromDayNumber(dates[row] - 1);
        }

        if (_flags[column] is { } flags)
        {
            return flags[row] switch { 0 => null, 2 => BoxedTrue, _ => BoxedFalse };
        }

        return Column(_numbers, column)[row];
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<AcceptedRow> IEnumerable<AcceptedRow>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Writing: the reader fills the next row's slot column by column, then accepts it (or leaves it, cleared, for the
    // row after it). Columns it does not set stay "no value".
    internal void SetText(int column, string value) => _texts[column]![_count] = value;

    /// <summary>Sets a text (or resolved person) value of an accepted row: a value derived once the whole batch is read.</summary>
    internal void SetTextAt(int row, int column, string value)
    {
        CheckRow(row);
        Column(_texts, column)[row] = value;
    }

    /// <summary>Sets a person column of the row being read to a person number, resolved by <see cref="ResolvePeople"/>.</summary>
    internal void SetPerson(int column, int person) => (_people[column] ??= new int[_slots])[_count] = person + 1;

    /// <summary>Replaces the person numbers set while the file was read by their pseudonyms, once these are all known.</summary>
    internal void ResolvePeople(Func<int, string> pseudonym)
    {
        for (var column = 0; column < _people.Length; column++)
        {
            if (_people[column] is not { } people)
            {
                continue;
            }

            var texts = _texts[column]!;
            for (var row = 0; row < _count; row++)
            {
                if (people[row] != 0)
                {
                    texts[row] = pseudonym(people[row] - 1);
                }
            }

            _people[column] = null;
        }
    }

    internal void SetDate(int column, DateOnly value) => _dates[column]![_count] = value.DayNumber + 1;

    internal void SetFlag(int column, bool value) => _flags[column]![_count] = value ? (byte)2 : (byte)1;

    internal void SetNumber(int column, decimal value) => _numbers[column]![_count] = value;

    /// <summary>The text value already set in the row being read.</summary>
    internal string? PendingText(int column) => _texts[column]![_count];

    internal void Accept(long rowNumber)
    {
        if (_rowNumbers is null && rowNumber != _count + 1)
        {
            StoreRowNumbers();
        }

        if (_rowNumbers is not null)
        {
            _rowNumbers[_count] = rowNumber;
        }

        _count++;
        if (_count == _slots)
        {
            Grow();
        }
    }

    /// <summary>
    /// Lets the rows' storage go once a load has written them and built its case data from them, keeping their count (for
    /// the load's audit and outcome): a large batch is then not held beside its case data through the indicator pass.
    /// Reading a row afterwards throws; to load the batch again, read it again, as a replay does.
    /// </summary>
    internal void Release()
    {
        Array.Clear(_texts);
        Array.Clear(_dates);
        Array.Clear(_flags);
        Array.Clear(_numbers);
        Array.Clear(_people);
        _rowNumbers = null;
        _released = true;
    }

    /// <summary>Clears the row being read, so the next row starts with no values.</summary>
    internal void DiscardPending() => ClearSlots(_count, 1);

    internal void Clear()
    {
        ClearSlots(0, _count + 1);
        _count = 0;
    }

    /// <summary>Removes the rows <paramref name="remove"/> picks (asked in row order), keeping the others in order.</summary>
    internal void RemoveWhere(Func<int, bool> remove)
    {
        var kept = 0;
        for (var row = 0; row < _count; row++)
        {
            if (remove(row))
            {
                continue;
            }

            if (kept != row)
            {
                MoveRow(row, kept);
            }

            kept++;
        }

        ClearSlots(kept, _count - kept + 1);
        _count = kept;
    }

    private static T[] Column<T>(T[]?[] columns, int column) =>
        columns[column] ?? throw new InvalidOperationException($"Column {column} is not stored as {typeof(T).Name}; see the contract's column kind.");

    private bool TrySet(int column, object? value)
    {
        switch (value)
        {
            case null:
                return true;
            case string text when _texts[column] is not null:
                SetText(column, text);
                return true;
            case DateOnly date when _dates[column] is not null:
                SetDate(column, date);
                return true;
            case bool flag when _flags[column] is not null:
                SetFlag(column, flag);
                return true;
            case decimal number when _numbers[column] is not null:
                SetNumber(column, number);
                return true;
            default:
                return false;
        }
    }

    private void CheckResolved(int column)
    {
        if (_people[column] is not null)
        {
            throw new InvalidOperationException($"The {Contract.Name} rows' {Contract.Columns[column].Name} holds person numbers until the file's pseudonyms are resolved.");
        }
    }

    private void CheckRow(int row)
    {
        if (_released)
        {
            throw new InvalidOperationException($"The {Contract.Name} rows were released once loaded: read the batch again to load it again.");
        }

        if ((uint)row >= (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"There are {_count} rows.");
        }
    }

    private long StoredRowNumber(int row) => _rowNumbers is null ? row + 1L : _rowNumbers[row];

    /// <summary>Stores the row numbers from here on: a row is no longer its index + 1.</summary>
    private void StoreRowNumbers()
    {
        _rowNumbers = new long[_slots];
        for (var row = 0; row < _count; row++)
        {
            _rowNumbers[row] = row + 1L;
        }
    }

    private void Grow()
    {
        _slots *= 2;
        if (_rowNumbers is not null)
        {
            Array.Resize(ref _rowNumbers, _slots);
        }

        for (var column = 0; column < _texts.Length; column++)
        {
            Resize(_texts, column, _slots);
            Resize(_dates, column, _slots);
            Resize(_flags, column, _slots);
            Resize(_numbers, column, _slots);
            Resize(_people, column, _slots);
        }
    }

    private static void Resize<T>(T[]?[] columns, int column, int slots)
    {
        if (columns[column] is { } values)
        {
            Array.Resize(ref values, slots);
            columns[column] = values;
        }
    }

    private void MoveRow(int from, int to)
    {
        if (_rowNumbers is null)
        {
            StoreRowNumbers();
        }

        _rowNumbers![to] = _rowNumbers[from];
        for (var column = 0; column < _texts.Length; column++)
        {
            Move(_texts[column], from, to);
            Move(_dates[column], from, to);
            Move(_flags[column], from, to);
            Move(_numbers[column], from, to);
            Move(_people[column], from, to);
        }
    }

    private static void Move<T>(T[]? values, int from, int to)
    {
        if (values is not null)
        {
            values[to] = values[from];
        }
    }

    private void ClearSlots(int start, int length)
    {
        for (var column = 0; column < _texts.Length; column++)
        {
            Clear(_texts[column], start, length);
            Clear(_dates[column], start, length);
            Clear(_flags[column], start, length);
            Clear(_numbers[column], start, length);
            Clear(_people[column], start, length);
        }
    }

    private static void Clear<T>(T[]? values, int start, int length)
    {
        if (values is not null)
        {
            Array.Clear(values, start, length);
        }
    }

    /// <summary>Enumerates the rows as <see cref="AcceptedRow"/> values, each built when reached.</summary>
    public struct Enumerator : IEnumerator<AcceptedRow>
    {
        private readonly AcceptedRows _rows;
        private int _index;

        internal Enumerator(AcceptedRows rows)
        {
            _rows = rows;
            _index = -1;
        }

        public readonly AcceptedRow Current => _rows[_index];

        readonly object IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _rows._count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
