namespace PerfPipeline.Warehouse.Resilience;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// How the warehouse retries a unit of work (a whole load transaction, a read, a migration) that failed with a
/// transient fault: exponential backoff with jitter, a bounded number of attempts. Bound from the configuration
/// section <see cref="SectionName"/>; the defaults ride out an Azure SQL failover or a serverless database resuming
/// (up to a minute): delays of about 2, 4, 8, 16, 30 and 30 seconds (jittered), so about 90 seconds of waiting and
/// 7 attempts in all before the fault is returned.
/// </summary>
public sealed class WarehouseRetryOptions
{
    public const string SectionName = "PerfPipeline:SqlServer:Retry";

    /// <summary>Retries after the first attempt. Default 6, so at most 7 attempts; 0 turns retrying off.</summary>
    [Range(0, 20)]
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>The delay before the first retry, roughly doubled for each next one, with jitter. Default 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest single delay. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
