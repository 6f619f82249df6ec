namespace PerfPipeline.Generation;

/// <summary>
/// When a visit is in timescale: <see cref="Distance"/> from the previous visit at most <see cref="Limit"/>,
/// or from the anchor at most <see cref="FirstLimit"/> for the first visit.
/// </summary>
internal sealed record VisitTimescale(Func<DateOnly, DateOnly, int> Distance, int FirstLimit, int Limit)
{
    public bool IsOnTime(VisitSchedule schedule, int index) =>
        Distance(index == 0 ? schedule.Anchor : schedule.Visits[index - 1], schedule.Visits[index]) <= (index == 0 ? FirstLimit : Limit);
}
