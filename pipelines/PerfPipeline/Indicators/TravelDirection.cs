namespace PerfPipeline.Indicators;

using System.Text.Json.Serialization;

/// <summary>Direction of travel against the comparator, on the values as displayed (shown ↑ ↓ ↔).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TravelDirection>))]
public enum TravelDirection
{
    [JsonStringEnumMemberName("up")]
    Up,

    [JsonStringEnumMemberName("down")]
    Down,

    [JsonStringEnumMemberName("level")]
    Level,
}
