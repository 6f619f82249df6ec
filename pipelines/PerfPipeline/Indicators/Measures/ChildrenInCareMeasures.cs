namespace PerfPipeline.Indicators.Measures;

using System.Collections.Concurrent;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators.Teams;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 5: children in care, their visits, changes of social worker and the rate per 10,000 children.</summary>
internal static class ChildrenInCareMeasures
{
    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        DatasetContract[] episodes = [ExtractContract.ClaEpisodes];
        yield return (CicCurrent, context.WhenSupplied(episodes, () =>
        {
            var inCare = InCare(context);
            return new PeriodEndMeasure(d => Measurement.Count(inCare.CountOpenAt(d)));
        }));
        yield return (CicVisitsInTimescalePct, context.WhenSupplied([ExtractContract.ClaEpisodes, ExtractContract.ClaVisits], () => Visits(context)));
        yield return (CicMultipleSocialWorkers12MPct, context.WhenSupplied(
            [ExtractContract.ClaEpisodes, ExtractContract.Involvements],
            () => NoRoleMatched(context) ? new NotAvailableMeasure(AllocatedRoles.NoneMatched)
                : NoWorkerRecorded(context) ? new NotAvailableMeasure(AllocatedRoles.NoWorkerRecorded)
                : MultipleSocialWorkers(SeveralWorkers(context))));
        yield return (CicRatePer10K, context.WhenSupplied(episodes, () =>
        {
            var inCare = InCare(context);
            return new PeriodEndMeasure(d => context.RatePer10K(inCare.CountOpenAt(d), d));
        }));
    }

    /// <summary>Each child's episodes merged into the ranges they were in care.</summary>
    public static OpenIntervals InCare(MeasureContext context) => context.Shared(nameof(InCare), static c => OpenIntervals.Create(
        c.Data.CareEpisodes, c.Persons, static e => e.PersonKey, static e => e.EpisodeStartDate, static e => e.EpisodeCeasedDate));

    /// <summary>
    /// Visits dated within their period of care (first episode start .. last episode ceased date, open while
    /// an episode is open); in timescale within the setting's days of the previous visit, or for the first visit
    /// of the period of care's start.
    /// </summary>
    private static FlowSeries Visits(MeasureContext context) => JudgedVisit.Flow(JudgedVisits(context));

    public static JudgedVisit[] JudgedVisits(MeasureContext context) =>
        context.Shared($"{nameof(ChildrenInCareMeasures)}.{nameof(JudgedVisits)}", JudgeVisits);

    private static JudgedVisit[] JudgeVisits(MeasureContext context)
    {
        // Periods of care numbered as first met, each folded from its episodes as PeriodOfCare reads them; a visit finds
        // its period with one look-up, and the period's number is its container.
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var periods = new List<CarePeriod>();
        foreach (var episode in context.Data.CareEpisodes)
        {
            if (!numbers.TryGetValue(episode.PeriodOfCareId, out var number))
            {
                numbers[episode.PeriodOfCareId] = number = periods.Count;
                periods.Add(new CarePeriod(episode.PersonKey));
            }

            periods[number].Add(episode);
        }

        var persons = new VisitPersons(context.Persons, periods.Count);
        var visits = new List<TimedVisit>(context.Data.CareVisits.Count);
        foreach (var v in context.Data.CareVisits)
        {
            if (numbers.TryGetValue(v.PeriodOfCareId, out var p)
                && periods[p] is var care && DateSpan.Covers(care.Start, care.End, v.VisitDate))
            {
                visits.Add(new TimedVisit(p, v.VisitDate, v.CareVisitId, persons.Of(v.PersonKey, p, care.PersonKey)));
            }
        }

        var settings = context.Settings;
        return TimedVisit.Judge(visits, (visit, previous) => previous is { } last
            ? visit.Date.DayNumber - last.DayNumber <= settings.CareVisitDays
            : visit.Date.DayNumber - periods[visit.Container].Start.DayNumber <= settings.CareFirstVisitDays);
    }

    // As the extract validation reads it: open while any episode is open, else ending with the latest ceased date.
    public static (DateOnly Start, DateOnly? End) PeriodOfCare(IEnumerable<CareEpisode> episodes)
    {
        var period = new CarePeriod(string.Empty);
        foreach (var episode in episodes)
        {
            period.Add(episode);
        }

        return (period.Start, period.End);
    }

    // A period of care folded from its episodes, one at a time; its child is its first episode's.
    private sealed class CarePeriod(string personKey)
    {
        private DateOnly _latestCeased = DateOnly.MinValue;
        private bool _open;

        public string PersonKey => personKey;

        public DateOnly Start { get; private set; } = DateOnly.MaxValue;

        public DateOnly? End => _open ? null : _latestCeased;

        public void Add(CareEpisode episode)
        {
            Start = episode.EpisodeStartDate < Start ? episode.EpisodeStartDate : Start;
            _open |= episode.EpisodeCeasedDate is null;
            _latestCeased = episode.EpisodeCeasedDate > _latestCeased ? episode.EpisodeCeasedDate.Value : _latestCeased;
        }
    }

    /// <summary>
    /// Involvements carry roles and none is an allocated social worker's (Mosaic and Eclipse write their own values):
    /// the measure cannot tell workers from IROs or personal advisers, and is n/a rather than 0%.
    /// </summary>
    private static bool NoRoleMatched(MeasureContext context)
    {
        var roles = AllocatedRoles.For(context.Data.AllocatedRoles);
        var involvements = context.Data.Involvements;
        return involvements.Count > 0
            && involvements.Any(static i => i.ProfessionalRoleId is not null)
            && !involvements.Any(i => i.ProfessionalRoleId is not null && roles.Contains(i.ProfessionalRoleId.Trim()));
    }

    /// <summary>Involvements of the allocated roles are there, but none names its worker: the measure cannot count workers.</summary>
    private static bool NoWorkerRecorded(MeasureContext context)
    {
        var allocated = Allocated(context);
        return allocated.Length > 0 && Array.TrueForAll(allocated, i => context.Data.Involvements[i].ProfessionalKey is null);
    }

    /// <summary>The positions of the involvements of the allocated roles (<see cref="AllocatedRoles.Counts"/>), read twice, found once.</summary>
    private static int[] Allocated(MeasureContext context) => context.Shared(nameof(Allocated), static c =>
    {
        var roles = AllocatedRoles.For(c.Data.AllocatedRoles);
        var involvements = c.Data.Involvements;
        var allocated = new List<int>();
        for (var i = 0; i < involvements.Count; i++)
        {
            if (AllocatedRoles.Counts(roles, involvements[i].ProfessionalRoleId))
            {
                allocated.Add(i);
            }
        }

        return allocated.ToArray();
    });

    /// <summary>
    /// Children in care at D with more than one distinct allocated social worker (involvements of the allocated roles) among their involvements overlapping the
    /// 12 months ending D (start ≤ D and end null or ≥ D − 12 months + 1 day).
    /// </summary>
    private static PeriodEndMeasure MultipleSocialWorkers(Func<DateOnly, List<(int Person, bool Several)>> severalWorkers) =>
        new(date =>
        {
            var cohort = severalWorkers(date);
            return Measurement.Percent(cohort.Count(c => c.Several), cohort.Count);
        });

    /// <summary>
    /// For a date D, each child in care at D (by person number) and whether they had more than one worker in the 12 months
    /// to D; worked out once per date for the LA's figure and the figures by team (a quarter ends on its last month's day).
    /// </summary>
    public static Func<DateOnly, List<(int Person, bool Several)>> SeveralWorkers(MeasureContext context) =>
        context.Shared<Func<DateOnly, List<(int Person, bool Several)>>>(nameof(SeveralWorkers), static c =>
        {
            var count = CountWorkers(c);
            var byDate = new ConcurrentDictionary<DateOnly, Lazy<List<(int Person, bool Several)>>>();
            return date => byDate.GetOrAdd(date, d => new(() => count(d))).Value;
        });

    private static Func<DateOnly, List<(int Person, bool Several)>> CountWorkers(MeasureContext context)
    {
        var inCare = InCare(context);

        // Each child's involvements come from the case holders, already grouped by child and sorted once for the figures
        // by team; here each involvement needs only its worker's number: -1 for one not counted, as not of an allocated
        // role or without its worker (SSD left invo_professional_id empty: one worker cannot be told from another).
        var holders = CaseHolders.Of(context);
        var involvements = context.Data.Involvements;
        var professionals = new KeyIndex();
        var workerOf = new int[involvements.Count];
        Array.Fill(workerOf, -1);
        foreach (var row in Allocated(context))
        {
            if (involvements[row].ProfessionalKey is { } worker)
            {
                workerOf[row] = professionals.NumberOf(worker);
            }
        }

        return date =>
        {
            var day = date.DayNumber;
            var windowStart = date.AddMonths(-12).AddDays(1).DayNumber;
            var cohort = new List<(int Person, bool Several)>();
            foreach (var person in inCare.PersonsOpenAt(date))
            {
                var several = false;
                var seen = -1;
                var (from, to) = holders.InvolvementsOf(person);
                for (var i = from; i < to; i++)
                {
                    var (row, start, end) = holders.InvolvementAt(i);
                    if (workerOf[row] is var worker and >= 0 && start <= day && end >= windowStart)
                    {
                        if (seen >= 0 && seen != worker)
                        {
                            several = true;
                            break;
                        }

                        seen = worker;
                    }
                }

                cohort.Add((person, several));
            }

            return cohort;
        };
    }
}
