namespace PerfPipeline.Batches;

/// <summary>Names of files inside a batch folder, and of load folders under archive and quarantine.</summary>
internal static class BatchFileNames
{
    public const string Manifest = "manifest.json";
    public const string ErrorReport = "errors.json";
    public const string Summary = "summary.txt";

    /// <summary>True for a bare file name (no folders, not <c>.</c> or <c>..</c>): nothing outside the folder can be named.</summary>
    public static bool IsPlain(string? name) =>
        !string.IsNullOrWhiteSpace(name) && name is not "." and not ".." && name.AsSpan().IndexOfAny(['/', '\\', ':', '\0']) < 0;

    /// <summary>True for an LA code as the DfE publishes them: three digits (<c>872</c>).</summary>
    public static bool IsLaCode(string? name) =>
        name is { Length: 3 } && !name.AsSpan().ContainsAnyExceptInRange('0', '9');
}
