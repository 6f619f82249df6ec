namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// A visit inside its container (a CP plan or a period of care), for timeliness: visits are ordered by date,
/// then visit id, within their container; a same-day predecessor gives 0 days.
/// </summary>
internal readonly record struct TimedVisit(string Container, DateOnly Date, string VisitId)
{
    /// <summary>
    /// The percentage-in-timescale series of the visits, by visit date; <paramref name="inTimescale"/> gets
    /// the visit and its predecessor's date (null for the container's first visit).
    /// </summary>
    public static FlowSeries InTimescale(IEnumerable<TimedVisit> visits, Func<TimedVisit, DateOnly?, bool> inTimescale)
    {
        var ordered = visits.ToArray();
        Array.Sort(ordered, static (a, b) =>
        {
            var byContainer = string.CompareOrdinal(a.Container, b.Container);
            if (byContainer != 0)
            {
                return byContainer;
            }

            var byDate = a.Date.CompareTo(b.Date);
            return byDate != 0 ? byDate : string.CompareOrdinal(a.VisitId, b.VisitId);
        });

        var timed = new (DateOnly Date, bool InTimescale)[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            DateOnly? previous = i > 0 && ordered[i - 1].Container == ordered[i].Container ? ordered[i - 1].Date : null;
            timed[i] = (ordered[i].Date, inTimescale(ordered[i], previous));
        }

        return FlowSeries.Create(timed, static v => v.Date, static v => v.InTimescale ? 1 : 0, FlowStatistic.Percent);
    }
}
