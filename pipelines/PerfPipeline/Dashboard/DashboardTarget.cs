namespace PerfPipeline.Dashboard;

using PerfPipeline.Reporting;

/// <summary>The target in force for a measure and the current figure's red, amber or green against it (null when there is no figure).</summary>
public sealed record DashboardTarget(decimal Value, decimal Tolerance, string Source, DateOnly FromDate, RagStatus? Rag);
