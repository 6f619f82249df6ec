namespace PerfPipeline.Generation;

/// <summary>Where a scale batch was written and how many data rows it holds.</summary>
public sealed record ScaleResult(string Folder, long Rows);
