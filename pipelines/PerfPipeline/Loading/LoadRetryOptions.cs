namespace PerfPipeline.Loading;

/// <summary>
/// Retries of a whole load (configuration section <c>PerfPipeline:LoadRetry</c>). Each storage request is already
/// retried by the storage client and each warehouse transaction by the warehouse; these rerun the whole load (read,
/// archive, load) once those are spent, and the host's own retries (host.json) come after them.
/// </summary>
public sealed record LoadRetryOptions
{
    /// <summary>Retries after the first attempt. Default 2.</summary>
    public int MaxRetryAttempts { get; init; } = 2;

    /// <summary>Pause before the first retry, doubled each time with jitter. Default 10 seconds.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromSeconds(10);
}
