namespace PerfPipeline.Reference;

using System.Text.Json.Serialization;

/// <summary>Where a target comes from: a statutory expectation or the LA's own choice.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetSource>))]
public enum TargetSource
{
    [JsonStringEnumMemberName("statutory")]
    Statutory,

    [JsonStringEnumMemberName("local")]
    Local,
}

/// <summary>
/// An LA's target for one measure (a row of <c>targets.csv</c>): the value to reach, the width of the amber band
/// below (or above, when lower is better) it in the measure's unit, its source, and the day it applies from.
/// </summary>
public sealed record IndicatorTarget(string Indicator, decimal Target, decimal Tolerance, TargetSource Source, DateOnly FromDate);
