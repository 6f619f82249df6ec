namespace PerfPipeline.Indicators.Measures;

/// <summary>What a flow measure reports about the events dated in the period.</summary>
internal enum FlowStatistic
{
    /// <summary>How many events.</summary>
    Count,

    /// <summary>The share of events whose numerator is 1, as a percentage.</summary>
    Percent,

    /// <summary>The mean of the events' numerators.</summary>
    Mean,
}
