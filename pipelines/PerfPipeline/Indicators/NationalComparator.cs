namespace PerfPipeline.Indicators;

/// <summary>The England figure a measure is compared with (<c>seeds/reference/comparators.csv</c>).</summary>
public sealed record NationalComparator(decimal Value, string Period, string SourceNote);
