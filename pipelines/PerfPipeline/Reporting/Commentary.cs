namespace PerfPipeline.Reporting;

using System.Text.Json.Serialization;

/// <summary>Whether an officer's text is still a draft or approved for publication.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CommentaryStatus>))]
public enum CommentaryStatus
{
    [JsonStringEnumMemberName("draft")]
    Draft,

    [JsonStringEnumMemberName("approved")]
    Approved,
}

/// <summary>
/// An officer's text for one section of one item of an LA's report for a period, with who wrote it, when and its
/// status. It sits beside the drafted sentences and never replaces them.
/// </summary>
public sealed record Commentary(
    string LaCode, string Period, int Item, ReportSection Section, string Text, string Author, DateTimeOffset UpdatedAt, CommentaryStatus Status);
