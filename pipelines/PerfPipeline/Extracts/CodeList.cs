namespace PerfPipeline.Extracts;

using System.Runtime.CompilerServices;

/// <summary>A column's code list and the other spellings of its codes, looked up case-insensitively in one hash look-up instead of a scan of the list.</summary>
internal sealed class CodeList
{
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CodeList(IReadOnlyList<string> codes, IReadOnlyDictionary<string, string>? spellings = null)
    {
        var canonical = new Dictionary<string, string>(codes.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            // The first spelling listed wins, as a scan in list order would find it.
            canonical.TryAdd(code, code);
        }

        // Other spellings of a code never override a code of the list itself.
        foreach (var (spelling, code) in spellings ?? new Dictionary<string, string>())
        {
            canonical.TryAdd(spelling, code);
        }

        _lookup = canonical.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The code list's own spelling of <paramref name="text"/>, matched case-insensitively; null when not listed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Match(ReadOnlySpan<char> text) => _lookup.TryGetValue(text, out var code) ? code : null;
}
