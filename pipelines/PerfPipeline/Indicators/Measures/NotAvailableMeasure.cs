namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>A measure whose event dataset was never supplied: not available in every period.</summary>
internal sealed class NotAvailableMeasure : IMeasure
{
    public static readonly NotAvailableMeasure Instance = new();

    private NotAvailableMeasure()
    {
    }

    public Measurement Measure(Period period) => Measurement.NotAvailable;
}
