namespace PerfPipeline.Generation.Profile;

/// <summary>
/// Missing from home or care: distinct children going missing, and return home interviews (episodes ending in
/// the period with an interview date, and those held within 72 hours).
/// </summary>
internal sealed record MissingTarget(int Children, Ratio ReturnInterviews);
