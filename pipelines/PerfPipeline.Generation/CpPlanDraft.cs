namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>One conference's plans for some children of a group; null end = still open at the last batch.</summary>
internal sealed class CpPlanDraft(CpGroup group, IReadOnlyList<Person> children, DateOnly start, string category)
{
    public CpGroup Group { get; } = group;
    public IReadOnlyList<Person> Children { get; } = children;
    public DateOnly Start { get; } = start;
    public DateOnly? End { get; set; }
    public string Category { get; } = category;
    public List<string> PlanIds { get; } = [];
}
