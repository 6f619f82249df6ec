namespace PerfPipeline.Extracts;

using PerfPipeline.Privacy;

/// <summary>What the files of one batch share while they are read: the as-at date and the per-batch caches.</summary>
internal sealed class BatchReadContext(DateOnly asAt, Pseudonymiser pseudonymiser)
{
    public DateOnly AsAt { get; } = asAt;

    public Pseudonymiser Pseudonymiser { get; } = pseudonymiser;

    public StringPool Strings { get; } = new();
}
