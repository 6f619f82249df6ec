namespace PerfPipeline.Warehouse;

/// <summary>An LA with committed loads: its name from the newest manifest and the newest <c>as_at</c> loaded.</summary>
public sealed record LocalAuthorityRecord(string LaCode, string? LaName, DateOnly DataAsAt);
