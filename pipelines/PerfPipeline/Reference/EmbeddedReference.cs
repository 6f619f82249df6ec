namespace PerfPipeline.Reference;

/// <summary>Reference data files of <c>seeds/reference/</c>, embedded into the library when it is built.</summary>
internal static class EmbeddedReference
{
    private const string Prefix = "PerfPipeline.Reference.";

    public static Stream Open(string fileName) =>
        typeof(EmbeddedReference).Assembly.GetManifestResourceStream(Prefix + fileName)
        ?? throw new InvalidOperationException($"Reference file '{fileName}' is not embedded in the library.");
}
