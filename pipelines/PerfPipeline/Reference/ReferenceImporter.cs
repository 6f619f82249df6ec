namespace PerfPipeline.Reference;

/// <summary>
/// Imports reference data: reads a source's folders, checks every file (manifest hashes, shapes, values, an LA's
/// file only about its LA) and stores what changed, recomputing the indicator values it affects, in one transaction.
/// Nothing is stored when any file has a problem.
/// </summary>
public sealed class ReferenceImporter(IReferenceStore store)
{
    public async Task<ReferenceImportResult> ImportAsync(IReferenceSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var raw = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (files, ignored) = ReferenceFolders.Read(raw);
        if (files.Count == 0)
        {
            return new ReferenceImportResult(null, [], [], []) { Ignored = ignored };
        }

        var result = await store.ImportReferenceAsync(new ReferenceImportRequest(source.Origin, files), cancellationToken).ConfigureAwait(false);
        return result with { Ignored = ignored };
    }

    /// <summary>The shipped defaults as the request <see cref="EnsureDefaultsAsync"/> gives the store.</summary>
    internal static ReferenceImportRequest Defaults() =>
        new(EmbeddedReference.Defaults.Origin, EmbeddedReference.Files);

    /// <summary>Stores the shipped defaults when the warehouse does not hold them yet (or holds an older version).</summary>
    public Task<ReferenceImportResult> EnsureDefaultsAsync(CancellationToken cancellationToken = default) =>
        store.ImportReferenceAsync(Defaults(), cancellationToken);
}
