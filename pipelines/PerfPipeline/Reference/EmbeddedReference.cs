namespace PerfPipeline.Reference;

/// <summary>
/// The reference files of <c>seeds/reference/</c> (population, bank holidays, comparators and their manifest), embedded
/// into the library when it is built: the defaults a warehouse starts with, so that <c>run</c> works with no setup.
/// They rank below anything loaded from a folder or container.
/// </summary>
public sealed class EmbeddedReference : IReferenceSource
{
    public static readonly EmbeddedReference Defaults = new();

    private const string Prefix = "PerfPipeline.Reference.";

    private static readonly string[] FileNames =
        [ReferenceFolders.ManifestName, ReferenceKind.Population.FileName(), ReferenceKind.BankHolidays.FileName(), ReferenceKind.Comparators.FileName()];

    // Checked and parsed once per process: opening a new warehouse imports them and reads their national comparators.
    private static readonly Lazy<IReadOnlyList<ReferenceFile>> Parsed = new(() => ReferenceFolders.Read(ReadFiles()).Files);

    private EmbeddedReference()
    {
    }

    public string Origin => "shipped defaults";

    public static Stream Open(string fileName) =>
        typeof(EmbeddedReference).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new InvalidOperationException($"Reference file '{fileName}' is not embedded in the library.");

    public Task<IReadOnlyList<RawReferenceFile>> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(ReadFiles());

    /// <summary>The shipped files as the one reference reader checks and parses them (<see cref="ReferenceFolders.Read"/>).</summary>
    internal static IReadOnlyList<ReferenceFile> Files => Parsed.Value;

    /// <summary>The shipped files, read from the assembly (no I/O beyond it, so no need to wait).</summary>
    public static IReadOnlyList<RawReferenceFile> ReadFiles()
    {
        var files = new List<RawReferenceFile>(FileNames.Length);
        foreach (var name in FileNames)
        {
            using var stream = Open(name);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(new RawReferenceFile(ReferenceScope.Default, null, $"defaults/{name}", copy.ToArray()));
        }

        return files;
    }
}
