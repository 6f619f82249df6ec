namespace PerfPipeline.Indicators.Measures;

/// <summary>
/// A visit inside its container (a CP plan or a period of care, by number), for timeliness: visits are ordered by date,
/// then visit id, within their container; a same-day predecessor gives 0 days.
/// </summary>
internal readonly record struct TimedVisit(int Container, DateOnly Date, string VisitId, int Person)
{
    /// <summary>Each visit's day, child and whether it was in timescale, in container and date order.</summary>
    public static JudgedVisit[] Judge(List<TimedVisit> visits, Func<TimedVisit, DateOnly?, bool> inTimescale)
    {
        // Sort by (container, date) as one 64-bit key, then order same-day visits by id.
        var keys = new long[visits.Count];
        var order = new int[visits.Count];
        for (var i = 0; i < visits.Count; i++)
        {
            keys[i] = DayKeyOrder.Key(visits[i].Container, visits[i].Date);
            order[i] = i;
        }

        DayKeyOrder.Sort(keys, order, row => visits[row].VisitId);

        var judged = new JudgedVisit[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var visit = visits[order[i]];
            DateOnly? previous = i > 0 && keys[i - 1] >> 32 == keys[i] >> 32 ? visits[order[i - 1]].Date : null;
            judged[i] = new JudgedVisit(visit.Date.DayNumber, visit.Person, inTimescale(visit, previous));
        }

        return judged;
    }
}

/// <summary>
/// A judged visit as the LA's figure and the figures by team read it: its day, the child's number (for the team holding
/// the case that day) and whether it was in timescale. Kept for both passes, so 12 bytes rather than the visit itself.
/// </summary>
internal readonly record struct JudgedVisit(int Day, int Person, bool InTimescale)
{
    /// <summary>The share of visits in timescale, by visit date.</summary>
    public static FlowSeries Flow(JudgedVisit[] visits)
    {
        var tally = new DayTally();
        foreach (var visit in visits)
        {
            tally.Add(visit.Day, visit.InTimescale ? 1 : 0);
        }

        return new(tally, FlowStatistic.Percent);
    }
}

/// <summary>
/// Numbers the children of visits. A visit nearly always names its container's child: it then takes the container's
/// number, looked up once per container, instead of hashing its own key again (690k CP visits, 30k plans at scale 20).
/// Not for sharing between threads: one judging builds it.
/// </summary>
internal sealed class VisitPersons
{
    private readonly KeyIndex _persons;
    private readonly int[] _byContainer;

    public VisitPersons(KeyIndex persons, int containers)
    {
        _persons = persons;
        _byContainer = new int[containers];
        Array.Fill(_byContainer, -1);
    }

    public int Of(string visitPerson, int container, string containerPerson)
    {
        if (!string.Equals(visitPerson, containerPerson, StringComparison.Ordinal))
        {
            return _persons.NumberOf(visitPerson);
        }

        ref var number = ref _byContainer[container];
        if (number < 0)
        {
            number = _persons.NumberOf(containerPerson);
        }

        return number;
    }
}
