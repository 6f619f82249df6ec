namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>A measure whose inputs were never supplied: n/a in every period, with the reason (which file or column).</summary>
internal sealed class NotAvailableMeasure(string reason) : IMeasure
{
    public string Reason { get; } = reason;

    public Measurement Measure(Period period) => Measurement.NotAvailable with { Reason = Reason };
}
