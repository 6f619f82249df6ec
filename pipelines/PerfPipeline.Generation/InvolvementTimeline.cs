namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>
/// Social workers allocated to some children over time: one involvement per worker, handing over on the
/// day in <see cref="Changes"/>; null end = still allocated at the last batch.
/// </summary>
internal sealed class InvolvementTimeline(IReadOnlyList<Person> children, DateOnly start, DateOnly? end, string team)
{
    public IReadOnlyList<Person> Children { get; } = children;
    public DateOnly Start { get; } = start;
    public DateOnly? End { get; } = end;
    public string Team { get; } = team;
    public List<DateOnly> Changes { get; } = [];

    /// <summary>More than one worker overlaps the 12 months ending <paramref name="date"/>: a handover inside them.</summary>
    public bool HasSeveralWorkers(DateOnly date)
    {
        var windowStart = date.AddMonths(-12).AddDays(1);
        return Changes.Any(c => c >= windowStart && c <= date);
    }
}
