namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>A referral being generated; assessment and closure are filled in by later steps.</summary>
internal sealed class ReferralDraft(string id, Person child, Family family, DateOnly date, string source)
{
    public string Id { get; } = id;
    public Person Child { get; } = child;
    public Family Family { get; } = family;
    public DateOnly Date { get; } = date;
    public string Source { get; } = source;
    public AssessmentDraft? Assessment { get; set; }
    public DateOnly? CloseDate { get; set; }
    public bool NoFurtherAction { get; set; }
}
