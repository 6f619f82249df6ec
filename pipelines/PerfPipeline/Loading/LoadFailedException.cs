namespace PerfPipeline.Loading;

/// <summary>
/// A valid batch could not be loaded after every retry. The failure is recorded in the warehouse (replayable); the
/// exception tells the host that the invocation failed, so it retries it or reports it.
/// </summary>
public sealed class LoadFailedException : Exception
{
    public LoadFailedException()
    {
    }

    public LoadFailedException(string message)
        : base(message)
    {
    }

    public LoadFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LoadFailedException(IReadOnlyList<LoadOutcome> failed)
        : base(Describe(failed))
    {
        Failed = failed;
    }

    /// <summary>The loads that failed, each with its error.</summary>
    public IReadOnlyList<LoadOutcome> Failed { get; } = [];

    private static string Describe(IReadOnlyList<LoadOutcome> failed)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return string.Join(Environment.NewLine, failed.Select(f => $"Load {f.LoadId} of batch {f.Batch} failed: {f.Error}"));
    }
}
