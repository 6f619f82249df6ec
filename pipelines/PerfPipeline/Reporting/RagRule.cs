namespace PerfPipeline.Reporting;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Reference;

/// <summary>
/// Judges a figure against its target, following polarity: green when the target is met, amber when the figure
/// misses it by no more than the tolerance, red beyond. The figure is compared as displayed, so the colour agrees
/// with the number a reader sees. Neutral measures (counts of demand) have no better side and are never judged.
/// </summary>
public static class RagRule
{
    public static RagStatus? Judge(decimal? value, IndicatorTarget target, IndicatorPolarity polarity, int precision)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (value is not { } exact || polarity == IndicatorPolarity.Neutral)
        {
            return null;
        }

        var shown = IndicatorDisplay.Round(exact, precision);
        var shortfall = polarity == IndicatorPolarity.HigherIsBetter ? target.Target - shown : shown - target.Target;
        return shortfall <= 0 ? RagStatus.Green : shortfall <= target.Tolerance ? RagStatus.Amber : RagStatus.Red;
    }

    /// <summary>The target of <paramref name="indicator"/> in force at the end of <paramref name="period"/>: the one with the latest <c>from_date</c> on or before it.</summary>
    public static IndicatorTarget? InForce(IEnumerable<IndicatorTarget> targets, string indicator, Period period)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets
            .Where(t => t.IndicatorCode == indicator && t.FromDate <= period.End)
            .OrderByDescending(t => t.FromDate)
            .FirstOrDefault();
    }
}
