namespace PerfPipeline.Indicators;

using System.Text.Json.Serialization;

/// <summary>Which way is an improvement; counts of demand are neutral.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IndicatorPolarity>))]
public enum IndicatorPolarity
{
    [JsonStringEnumMemberName("higher_is_better")]
    HigherIsBetter,

    [JsonStringEnumMemberName("lower_is_better")]
    LowerIsBetter,

    [JsonStringEnumMemberName("neutral")]
    Neutral,
}
