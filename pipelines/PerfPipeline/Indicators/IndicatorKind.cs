namespace PerfPipeline.Indicators;

/// <summary>How a measure relates to its period (docs/spec/indicators.md).</summary>
public enum IndicatorKind
{
    /// <summary>Counts events dated inside the period, both ends inclusive.</summary>
    Flow,

    /// <summary>The state at the end of the period's last day.</summary>
    Snapshot,

    /// <summary>The 12 months ending on the period's last day.</summary>
    Rolling,
}
