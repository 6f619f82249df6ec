namespace PerfPipeline.Extracts;

using System.Collections;
using System.Runtime.CompilerServices;

/// <summary>
/// Finds the primary keys a file holds more than once, and rejects every copy: accepted rows and rows already
/// rejected for another reason (counted once). A person identifier key is tracked by its person number until the
/// file's pseudonyms are resolved.
/// </summary>
internal sealed class PrimaryKeyTracker
{
    private readonly AcceptedRows _rows;
    private readonly int _capacity;
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _duplicatedKeys = new(StringComparer.Ordinal);
    private readonly List<(long Row, string Key)> _rejectedKeys = [];
    // Person numbers are dense (0, 1, 2, … in the order the batch meets them): one bit each says the key was seen.
    private readonly BitArray _personKeys = new(0);
    private readonly HashSet<int> _duplicatedPersonKeys = [];
    private readonly List<(long Row, int Person)> _rejectedPersonKeys = [];
    private string? _lastKey;
    private bool _keysIncreasing = true;

    /// <param name="rows">The file's accepted rows: their first column is the key.</param>
    /// <param name="capacity">The rows expected, to size the key set once it is needed.</param>
    public PrimaryKeyTracker(AcceptedRows rows, int capacity)
    {
        _rows = rows;
        _capacity = capacity;
    }

    /// <summary>The rows seen with a key, accepted or not: none in a file with rows is a keyless dataset.</summary>
    public long RowsWithKey { get; private set; }

    /// <summary>
    /// Notes the key of a row just read (before an accepted row is added to the rows): a text key, a person number,
    /// or neither when the row has no readable key.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Track(long rowNumber, string? key, int? person, bool rejected)
    {
        if (key is not null || person is not null)
        {
            RowsWithKey++;
        }

        if (key is not null)
        {
            TrackKey(key);
        }
        else if (person is { } personKey)
        {
            TrackPerson(personKey);
        }

        if (rejected)
        {
            if (key is not null)
            {
                _rejectedKeys.Add((rowNumber, key));
            }
            else if (person is { } rejectedPerson)
            {
                _rejectedPersonKeys.Add((rowNumber, rejectedPerson));
            }
        }
    }

    /// <summary>Turns the person keys noted into their pseudonyms, once the file's pseudonyms are known.</summary>
    public void ResolvePeople(Func<int, string> pseudonym)
    {
        foreach (var (rowNumber, person) in _rejectedPersonKeys)
        {
            _rejectedKeys.Add((rowNumber, pseudonym(person)));
        }

        foreach (var person in _duplicatedPersonKeys)
        {
            _duplicatedKeys.Add(pseudonym(person));
        }
    }

    /// <summary>
    /// Removes every accepted copy of a duplicated key and reports every copy, accepted or rejected before, with the
    /// number of copies, in row order with the file's other issues; returns the accepted rows removed.
    /// </summary>
    public int RejectDuplicates(FileIssues issues)
    {
        if (_duplicatedKeys.Count == 0)
        {
            return 0;
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

        var keyColumn = _rows.Contract.PrimaryKey;
        var removed = 0;
        _rows.RemoveWhere(row =>
        {
            var key = _rows.Text(row, 0)!;
            if (!copies.TryGetValue(key, out var count))
            {
                return false;
            }

            DuplicateError(issues, _rows.RowNumber(row), keyColumn, key, count);
            removed++;
            return true;
        });

        foreach (var (rowNumber, key) in _rejectedKeys)
        {
            if (copies.TryGetValue(key, out var count))
            {
                DuplicateError(issues, rowNumber, keyColumn, key, count);
            }
        }

        // The copies are reported after the file's other issues: back into row order.
        issues.SortByRow();
        return removed;
    }

    private static void DuplicateError(FileIssues issues, long rowNumber, ColumnSpec key, string value, int copies) =>
        issues.RowError(rowNumber, key, value, ValidationRule.DuplicatePrimaryKey, $"the primary key appears in {copies} rows; every copy is rejected");

    /// <summary>
    /// Notes a text key. Extracts often come in key order: while every key is greater than the one before, none can
    /// repeat and no index is needed. From the first key out of order, every key so far goes into a hash set and each
    /// new key is checked against it.
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

    private void TrackPerson(int person)
    {
        if (person >= _personKeys.Length)
        {
            _personKeys.Length = Math.Max(person + 1, Math.Max(_capacity, 2 * _personKeys.Length));
        }

        if (_personKeys[person])
        {
            _duplicatedPersonKeys.Add(person);
        }
        else
        {
            _personKeys[person] = true;
        }
    }

    /// <summary>Notes a key once keys are out of order.</summary>
    private void AddKey(string key)
    {
        if (!_keys.Add(key))
        {
            _duplicatedKeys.Add(key);
        }
    }
}
