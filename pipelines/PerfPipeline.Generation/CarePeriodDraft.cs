namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>A period of care (one or more episodes); null end = still in care at the last batch.</summary>
internal sealed class CarePeriodDraft(string id, Person child, DateOnly start, DateOnly? end)
{
    public string Id { get; } = id;
    public Person Child { get; } = child;
    public DateOnly Start { get; set; } = start;
    public DateOnly? End { get; set; } = end;

    /// <summary>Left care at 16 or over: a care leaver, whose dates the care leaver snapshots depend on.</summary>
    public bool IsCareLeaver { get; set; }

    /// <summary>Days on which the child's social worker changed.</summary>
    public List<DateOnly> WorkerChanges { get; } = [];

    public bool IsOpen(DateOnly date) => Start <= date && (End is null || End > date);
}
