namespace PerfPipeline.Reporting;

using PerfPipeline.Indicators;

/// <summary>
/// Small-number care: a percentage or average over fewer cases than the threshold is flagged, and its sentence
/// says how many cases it rests on and uses none of the <see cref="StrongWords"/>.
/// </summary>
public static class SmallNumbers
{
    public const int DefaultThreshold = 30;

    /// <summary>Words that claim more than a handful of cases can carry; never used in a flagged figure's sentence.</summary>
    public static readonly IReadOnlyList<string> StrongWords =
    [
        "significantly", "significant", "sharply", "sharp", "dramatically", "dramatic", "substantially", "considerably", "markedly", "hugely",
    ];

    /// <summary>Whether the figure rests on a denominator of cases (percentages and averages) under <paramref name="threshold"/>.</summary>
    public static bool IsSmall(IndicatorUnit unit, decimal? denominator, int threshold) =>
        unit is IndicatorUnit.Percent or IndicatorUnit.Days && denominator is { } d && d > 0 && d < threshold;
}
