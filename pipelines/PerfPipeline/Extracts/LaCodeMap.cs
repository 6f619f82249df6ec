namespace PerfPipeline.Extracts;

using PerfPipeline.Reference;
using PerfPipeline.Warehouse;

/// <summary>
/// An LA's code map (reference kind <c>code-map</c>, <c>docs/reference.md</c>): per contract dataset and column, the
/// values its system writes and the contract code each means. The reader applies it before the contract's own code
/// lists and spellings; a value in neither stays a row error and is listed in the report as unmapped.
/// </summary>
public sealed class LaCodeMap
{
    private readonly Dictionary<string, Dictionary<string, string>> _byColumn = new(StringComparer.OrdinalIgnoreCase);

    public LaCodeMap(IEnumerable<CodeMapEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries];
        foreach (var entry in Entries)
        {
            var key = Key(entry.Dataset, entry.Column);
            if (!_byColumn.TryGetValue(key, out var values))
            {
                _byColumn[key] = values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            values.TryAdd(entry.SourceValue.Trim(), entry.Code.Trim());
        }
    }

    public static LaCodeMap Empty { get; } = new([]);

    /// <summary>The map's rows as loaded, to be written back with the unmapped values added.</summary>
    public IReadOnlyList<CodeMapEntry> Entries { get; }

    /// <summary>The column's source values and their codes, matched case-insensitively; null when the map has none for it.</summary>
    internal Dictionary<string, string>? For(string dataset, string column) => _byColumn.GetValueOrDefault(Key(dataset, column));

    private static string Key(string dataset, string column) => $"{dataset}.{column}";
}

/// <summary>
/// The LA's reference data that reading a batch uses: its code map, and its allocated-worker roles (which the report
/// counts involvements against; empty: <see cref="CaseData.AllocatedRoles.Default"/>).
/// </summary>
public sealed record ExtractReference(LaCodeMap CodeMap, IReadOnlyList<string> AllocatedRoles)
{
    public static ExtractReference None { get; } = new(LaCodeMap.Empty, []);
}

/// <summary>Where the reader finds an LA's reference data: what is in force in the warehouse.</summary>
public interface IExtractReferenceSource
{
    Task<ExtractReference> ForLaAsync(string laCode, CancellationToken cancellationToken = default);
}

/// <summary>
/// The LA's reference data in force in the warehouse: its latest imported files. A warehouse not migrated yet (a
/// <c>validate</c> before any <c>run</c>) holds none, and is neither created nor changed by asking.
/// </summary>
public sealed class StoredExtractReference(Func<IWarehouse> warehouse) : IExtractReferenceSource
{
    public async Task<ExtractReference> ForLaAsync(string laCode, CancellationToken cancellationToken = default)
    {
        var store = warehouse();
        if ((await store.CheckSchemaAsync(cancellationToken).ConfigureAwait(false)).IsBehind)
        {
            return ExtractReference.None;
        }

        var reference = await store.ReadReferenceAsync(laCode, cancellationToken).ConfigureAwait(false);
        return new ExtractReference(reference.CodeMap.Count == 0 ? LaCodeMap.Empty : new LaCodeMap(reference.CodeMap), reference.AllocatedRoles);
    }
}
