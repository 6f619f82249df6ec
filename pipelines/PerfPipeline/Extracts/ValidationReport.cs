namespace PerfPipeline.Extracts;

/// <summary>The machine-readable error report (JSON) and the readable summary of a validated batch.</summary>
public sealed record ValidationReport(string Json, string Summary);
