namespace PerfPipeline.Loading;

/// <summary>
/// Retries of a whole load (configuration section <c>PerfPipeline:LoadRetry</c>). Each storage request is already
/// retried by the storage client; these retries rerun the load after a longer outage, and the host's own retries
/// (host.json) come after them.
/// </summary>
public sealed record LoadRetryOptions
{
    /// <summary>Retries after the first attempt. Default 3.</summary>
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>Pause before the first retry, doubled each time with jitter. Default 5 seconds.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(5);
}
