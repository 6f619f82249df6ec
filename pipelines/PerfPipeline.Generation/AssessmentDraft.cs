namespace PerfPipeline.Generation;

/// <summary>A single assessment following a referral; no authorisation date = still in progress.</summary>
internal sealed record AssessmentDraft(string Id, DateOnly Start, DateOnly? Authorised, string Team);
