namespace PerfPipeline.Reporting;

using System.Text.Json.Serialization;

/// <summary>The four sections under each item of the published report, in their order.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportSection>))]
public enum ReportSection
{
    [JsonStringEnumMemberName("what_it_shows")]
    WhatItShows,

    [JsonStringEnumMemberName("background")]
    Background,

    [JsonStringEnumMemberName("action")]
    Action,

    [JsonStringEnumMemberName("national_context")]
    NationalContext,
}

/// <summary>The sections' headings as published and their codes in files, commands and URLs.</summary>
public static class ReportSections
{
    public static readonly IReadOnlyList<ReportSection> All = [ReportSection.WhatItShows, ReportSection.Background, ReportSection.Action, ReportSection.NationalContext];

    public static string Heading(ReportSection section) => section switch
    {
        ReportSection.WhatItShows => "What does this show us?",
        ReportSection.Background => "What is the background to this?",
        ReportSection.Action => "What action is the service taking?",
        _ => "What is the national context?",
    };

    public static string Code(ReportSection section) => section switch
    {
        ReportSection.WhatItShows => "what_it_shows",
        ReportSection.Background => "background",
        ReportSection.Action => "action",
        _ => "national_context",
    };

    /// <summary>A section from its code (<c>background</c>) or its heading ("What is the background to this?"), ignoring case.</summary>
    public static bool TryParse(string? text, out ReportSection section)
    {
        var trimmed = (text ?? string.Empty).Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(trimmed, Code(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(trimmed, Heading(candidate), StringComparison.OrdinalIgnoreCase))
            {
                section = candidate;
                return true;
            }
        }

        section = default;
        return false;
    }
}
