namespace PerfPipeline.Extracts;

using PerfPipeline.Privacy;

/// <summary>What the files of one batch share while they are read: the as-at date, the LA's code map and the per-batch caches.</summary>
internal sealed class BatchReadContext(DateOnly asAt, Pseudonymiser pseudonymiser, LaCodeMap? codeMap = null)
{
    public DateOnly AsAt { get; } = asAt;

    public LaCodeMap CodeMap { get; } = codeMap ?? LaCodeMap.Empty;

    public Pseudonymiser Pseudonymiser { get; } = pseudonymiser;

    public StringPool Strings { get; } = new();
}
