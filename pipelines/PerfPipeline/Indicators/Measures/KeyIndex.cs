namespace PerfPipeline.Indicators.Measures;

/// <summary>Gives each key (a person, a professional, a plan) a small number, so per-key work uses arrays, not hashing.</summary>
internal sealed class KeyIndex
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public int Count => _numbers.Count;

    public int NumberOf(string key)
    {
        ref var number = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_numbers, key, out var exists);
        if (!exists)
        {
            number = _numbers.Count - 1;
        }

        return number;
    }
}
