namespace PerfPipeline.Generation;

/// <summary>One day's referral of a family: one referral record per child.</summary>
internal sealed record ReferralEvent(Family Family, DateOnly Date, IReadOnlyList<ReferralDraft> Referrals);
