namespace PerfPipeline.Loading;

using System.Data.Common;

using Azure;

/// <summary>Faults worth retrying after a pause: the storage or database was briefly unavailable, not wrong.</summary>
internal static class TransientFault
{
    public static bool Is(Exception exception) => exception switch
    {
        RequestFailedException storage => storage.Status is 0 or 408 or 429 or >= 500, // 0: no response at all
        DbException database => database.IsTransient, // SQL Server's transient error numbers, SQLite's busy and locked
        TimeoutException or HttpRequestException or IOException => true,
        _ => false,
    };
}
