namespace PerfPipeline.Reference;

/// <summary>
/// Where reference files are found: <c>reference/</c> at the root of an extracts location (national) and
/// <c>{la}/reference/</c> (an LA's own), in a local folder or a blob container, or the defaults shipped in the library.
/// </summary>
public interface IReferenceSource
{
    /// <summary>What the import's audit row says the files came from.</summary>
    string Origin { get; }

    /// <summary>Every file of the reference folders, read whole (each at most <see cref="ReferenceFolders.MaxFileBytes"/>).</summary>
    Task<IReadOnlyList<RawReferenceFile>> ReadAsync(CancellationToken cancellationToken = default);
}
