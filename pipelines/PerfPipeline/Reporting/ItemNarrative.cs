namespace PerfPipeline.Reporting;

/// <summary>
/// The text under one item: the drafted "What does this show us?" sentences (largest movement first), the drafted
/// national context, and what officers wrote for each section.
/// </summary>
public sealed record ItemNarrative(
    IReadOnlyList<DraftedSentence> WhatItShows, IReadOnlyList<string> NationalContext, IReadOnlyList<Commentary> Written)
{
    /// <summary>The officers' text for <paramref name="section"/>, if any.</summary>
    public Commentary? WrittenFor(ReportSection section) => Written.FirstOrDefault(c => c.Section == section);

    /// <summary>The system's drafted text for <paramref name="section"/>: sentences under "What does this show us?" and the national context; none for the officers' sections.</summary>
    public IReadOnlyList<string> Drafted(ReportSection section) => section switch
    {
        ReportSection.WhatItShows => [.. WhatItShows.Select(s => s.Text)],
        ReportSection.NationalContext => NationalContext,
        _ => [],
    };
}
