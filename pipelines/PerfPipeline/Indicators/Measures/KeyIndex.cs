namespace PerfPipeline.Indicators.Measures;

/// <summary>Gives each key (a person, a professional, a plan) a small number, so per-key work uses arrays, not hashing.</summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];

    public int Count => _numbers.Count;

    /// <summary>The key numbered <paramref name="number"/>.</summary>
    public string KeyOf(int number) => _keys[number];

    public int NumberOf(string key)
    {
        ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_numbers, key, out var exists);
        if (!exists)
        {
            number = _numbers.Count - 1;
            _keys.Add(key);
        }

        return number;
    }
}
