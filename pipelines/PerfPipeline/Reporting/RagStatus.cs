namespace PerfPipeline.Reporting;

using System.Text.Json.Serialization;

/// <summary>Red, amber or green against a target.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RagStatus>))]
public enum RagStatus
{
    [JsonStringEnumMemberName("red")]
    Red,

    [JsonStringEnumMemberName("amber")]
    Amber,

    [JsonStringEnumMemberName("green")]
    Green,
}
