namespace PerfPipeline.Tests.Indicators;

using System.Globalization;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;

/// <summary>Small hand-made case data and one-measure look-ups for the measure tests.</summary>
internal static class Cases
{
    public const string LaCode = "872";

    /// <summary>Case data of LA 872 that has supplied the given event datasets (and nothing else yet).</summary>
    public static LaCaseData Supplying(params DatasetContract[] datasets) =>
        new() { LaCode = LaCode, SuppliedDatasets = datasets.Select(d => d.Name).ToHashSet(StringComparer.Ordinal) };

    public static IndicatorValue Measure(LaCaseData data, string code, string period, IndicatorSettings? settings = null) =>
        new IndicatorEngine(settings).Compute(data, Period.Parse(period)).Single(v => v.IndicatorCode == code);

    public static DateOnly Day(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    public static DateOnly? MaybeDay(string? date) => date is null ? null : Day(date);

    public static void AssertValue(IndicatorValue actual, decimal? numerator, decimal? denominator, decimal? value)
    {
        Assert.Equal(numerator, actual.Numerator);
        Assert.Equal(denominator, actual.Denominator);
        Assert.Equal(value, actual.Value);
    }

    public static void AssertNotAvailable(IndicatorValue actual) => Assert.Null(actual.Value);
}
