namespace PerfPipeline.Indicators;

using System.Text.Json.Serialization;

/// <summary>What a measure's value counts; the JSON names are those of docs/spec/interfaces.md.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorUnit>))]
public enum IndicatorUnit
{
    [JsonStringEnumMemberName("count")]
    Count,

    [JsonStringEnumMemberName("percent")]
    Percent,

    [JsonStringEnumMemberName("days")]
    Days,

    [JsonStringEnumMemberName("rate_per_10k")]
    RatePer10K,
}
