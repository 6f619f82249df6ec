namespace PerfPipeline.Generation.Profile;

/// <summary>Targets of a snapshot measure at the end of the dashboard's three periods; null = no snapshot then.</summary>
internal sealed record SnapshotTargets<T>(T Year, T LastYearQuarter, T Quarter);
