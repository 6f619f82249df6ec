namespace PerfPipeline.Indicators.Measures;

using System.Runtime.InteropServices;

/// <summary>
/// Gives each key (a person, a professional, a plan) a small number, so per-key work uses arrays, not hashing.
/// Safe to share between threads: the LA's measures and the measures by team number the persons of one case data at once.
/// </summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<string, int> _numbers;
    private readonly List<string> _keys;
    private readonly Lock _lock = new();

    public KeyIndex()
        : this(0)
    {
    }

    /// <param name="capacity">How many keys to make room for at once: numbering the persons of scale 20 grew the table ~19 times.</param>
    public KeyIndex(int capacity)
    {
        _numbers = new(capacity, StringComparer.Ordinal);
        _keys = new(capacity);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _numbers.Count;
            }
        }
    }

    /// <summary>The key numbered <paramref name="number"/>.</summary>
    public string KeyOf(int number)
    {
        lock (_lock)
        {
            return _keys[number];
        }
    }

    public int NumberOf(string key)
    {
        lock (_lock)
        {
            ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, key, out var exists);
            if (!exists)
            {
                number = _numbers.Count - 1;
                _keys.Add(key);
            }

            return number;
        }
    }

    /// <summary>The key's number, or -1 when it has none (without numbering it).</summary>
    public int Find(string key)
    {
        lock (_lock)
        {
            return _numbers.TryGetValue(key, out var number) ? number : -1;
        }
    }
}
