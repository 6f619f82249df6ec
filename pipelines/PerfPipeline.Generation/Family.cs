namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>Siblings referred together: every referral of the family refers all of <see cref="Children"/> on the same day.</summary>
internal sealed class Family(int id, IReadOnlyList<Person> children)
{
    public int Id { get; } = id;
    public IReadOnlyList<Person> Children { get; } = children;
    public DateOnly? LastReferral { get; set; }
    public List<ReferralEvent> Referrals { get; } = [];
}
