namespace PerfPipeline.Generation;

/// <summary>
/// Visits within one plan or period of care: timeliness of each is measured from the one before, the first
/// from <see cref="Anchor"/> (plan start, period of care start). <see cref="Weight"/> children are seen on each visit.
/// </summary>
internal sealed class VisitSchedule(DateOnly anchor, DateOnly? end, int weight)
{
    public DateOnly Anchor { get; } = anchor;
    public DateOnly? End { get; } = end;
    public int Weight { get; } = weight;
    public List<DateOnly> Visits { get; } = [];
}
