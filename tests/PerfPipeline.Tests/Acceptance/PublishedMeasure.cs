namespace PerfPipeline.Tests.Acceptance;

/// <summary>One row of the published dashboard: figures as printed (or <c>n/a</c>) and the arrow.</summary>
internal sealed record PublishedMeasure(string Indicator, string Year, string LastYearQuarter, string Quarter, string Direction);
