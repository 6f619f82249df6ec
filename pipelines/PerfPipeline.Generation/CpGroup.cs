namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>Siblings made subject to child protection plans together (same conference, same visits, same social worker).</summary>
internal sealed class CpGroup(IReadOnlyList<Person> children, ReferralEvent referral)
{
    public IReadOnlyList<Person> Children { get; } = children;
    public ReferralEvent Referral { get; } = referral;
    public List<CpPlanDraft> Plans { get; } = [];

    /// <summary>Set aside in the year so that its children start a second plan in the current quarter.</summary>
    public bool ReturnsInQuarter { get; init; }
}
