namespace PerfPipeline.Reporting;

/// <summary>
/// One drafted sentence of "What does this show us?" for one measure. <see cref="Direction"/> is the direction word
/// it uses (null when there is nothing to compare with); <see cref="Movement"/> the change it was ranked by, in
/// percentage points for percentages and per cent otherwise.
/// </summary>
public sealed record DraftedSentence(string Code, string Text, string? Direction, decimal? Movement, bool SmallNumber);
