namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>A snapshot or rolling measure: a function of the period's last day only.</summary>
internal sealed class PeriodEndMeasure(Func<DateOnly, Measurement> atEndOf) : IMeasure
{
    public Measurement Measure(Period period) => atEndOf(period.End);
}
