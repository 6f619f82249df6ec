namespace PerfPipeline.Indicators.Measures;

/// <summary>Gives each person (or professional) key a small number, so per-person work uses arrays, not hashing.</summary>
internal sealed class PersonIndex
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
