namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.Calendar;

/// <summary>A measure split by team: every team of the LA, and "no team recorded", for one period.</summary>
internal interface ITeamMeasure
{
    IReadOnlyDictionary<string, Measurement> Measure(Period period);
}
