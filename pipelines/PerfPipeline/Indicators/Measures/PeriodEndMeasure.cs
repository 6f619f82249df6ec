namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>
/// A snapshot or rolling measure: a function of the period's last day only, worked out once per day
/// (a quarter or financial year ends on the same day as its last month).
/// </summary>
internal sealed class PeriodEndMeasure(Func<DateOnly, Measurement> atEndOf) : IMeasure
{
    private readonly Dictionary<DateOnly, Measurement> _byEnd = [];

    public Measurement Measure(Period period)
    {
        if (!_byEnd.TryGetValue(period.End, out var measurement))
        {
            _byEnd[period.End] = measurement = atEndOf(period.End);
        }

        return measurement;
    }
}
