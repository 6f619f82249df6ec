namespace PerfPipeline.Generation.Profile;

/// <summary>Active EHC plans at a snapshot, by whether the child is educated in the borough.</summary>
internal sealed record EhcpCaseloadTarget(int InBorough, int OutOfBorough);
