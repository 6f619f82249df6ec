namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// A visit inside its container (a CP plan or a period of care), for timeliness: visits are ordered by date,
/// then visit id, within their container; a same-day predecessor gives 0 days.
/// </summary>
internal readonly record struct TimedVisit(string Container, DateOnly Date, string VisitId, string PersonKey)
{
    /// <summary>Each visit with whether it was in timescale, in container and date order.</summary>
    public static (TimedVisit Visit, bool InTimescale)[] Judge(IReadOnlyList<TimedVisit> visits, Func<TimedVisit, DateOnly?, bool> inTimescale)
    {
        // Sort by (container, date) as one 64-bit key, then order same-day visits by id.
        var containers = new KeyIndex();
        var keys = new long[visits.Count];
        var order = new int[visits.Count];
        for (var i = 0; i < visits.Count; i++)
        {
            keys[i] = DayKeyOrder.Key(containers.NumberOf(visits[i].Container), visits[i].Date);
            order[i] = i;
        }

        DayKeyOrder.Sort(keys, order, row => visits[row].VisitId);

        var timed = new (TimedVisit Visit, bool InTimescale)[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var visit = visits[order[i]];
            DateOnly? previous = i > 0 && keys[i - 1] >> 32 == keys[i] >> 32 ? visits[order[i - 1]].Date : null;
            timed[i] = (visit, inTimescale(visit, previous));
        }

        return timed;
    }
}
