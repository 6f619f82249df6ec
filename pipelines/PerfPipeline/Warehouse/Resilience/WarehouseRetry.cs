namespace PerfPipeline.Warehouse.Resilience;

using System.ComponentModel.DataAnnotations;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

using Polly;
using Polly.Retry;

/// <summary>
/// Runs a warehouse unit of work with Polly's retry strategy: when it fails with a fault
/// <see cref="IsTransient"/> recognises, the whole unit runs again, from opening the connection to committing.
/// A unit never resumes halfway, so a retried load cannot leave part of an earlier attempt behind: the failed
/// attempt's transaction was rolled back (or its connection closed, which rolls it back).
/// </summary>
internal sealed partial class WarehouseRetry
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ILogger _logger;

    /// <param name="options">Attempts and delays; validated here.</param>
    /// <param name="isTransient">The classification of faults worth retrying (e.g. SqlServerTransientFaults.IsTransient).</param>
    /// <param name="timeProvider">Clock for the delays.</param>
    /// <param name="logger">Where each retry is logged.</param>
    public WarehouseRetry(WarehouseRetryOptions options, Func<Exception, bool> isTransient, TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(isTransient);
        ArgumentNullException.ThrowIfNull(timeProvider);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        IsTransient = isTransient;
        _logger = logger ?? NullLogger.Instance;

        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(isTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                OnRetry = args =>
                {
                    LogRetry(_logger, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.GetType().Name, args.Outcome.Exception?.Message);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    public Func<Exception, bool> IsTransient { get; }

    /// <summary>Runs <paramref name="unitOfWork"/>, again from the start after each transient failure, at most 1 + MaxRetryAttempts times.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> unitOfWork, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        return await _pipeline.ExecuteAsync(
            static async (work, token) => await work(token).ConfigureAwait(false), unitOfWork, cancellationToken).ConfigureAwait(false);
    }

    public async Task ExecuteAsync(Func<CancellationToken, Task> unitOfWork, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unitOfWork);
        await _pipeline.ExecuteAsync(
            static async (work, token) => await work(token).ConfigureAwait(false), unitOfWork, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Warehouse attempt {Attempt} failed with a transient fault ({ExceptionType}: {ExceptionMessage}); retrying the whole unit of work in {Delay}")]
    private static partial void LogRetry(ILogger logger, int attempt, TimeSpan delay, string? exceptionType, string? exceptionMessage);
}
