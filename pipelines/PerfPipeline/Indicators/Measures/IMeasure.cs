namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>One measure over prepared case data: each period is a cheap look-up once the data is indexed.</summary>
internal interface IMeasure
{
    Measurement Measure(Period period);
}
