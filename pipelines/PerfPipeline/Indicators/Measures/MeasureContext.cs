namespace PerfPipeline.Indicators.Measures;

using System.Collections.Concurrent;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>What every measure is prepared from: the LA's case data, the settings and the working-day calendar.</summary>
internal sealed class MeasureContext(LaCaseData data, IndicatorSettings settings, WorkingDayCalendar calendar)
{
    private readonly ConcurrentDictionary<string, Lazy<object>> _shared = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, DateOnly>> _careLeaverDatesOfBirth = new(() => BuildCareLeaverDatesOfBirth(data));

    public LaCaseData Data => data;

    public IndicatorSettings Settings => settings;

    public WorkingDayCalendar Calendar => calendar;

    /// <summary>Children and young people, numbered once for all measures; room made at once for every person of the data.</summary>
    public KeyIndex Persons { get; } = new(data.People.Count);

    /// <summary>
    /// The person number of each involvement, in <see cref="LaCaseData.Involvements"/> order: the case holders and the count
    /// of social workers both read them, so the 349k involvements of scale 20 are numbered once, not once each.
    /// </summary>
    public int[] InvolvementPersons => LargeDatasetPersons.Involvements;

    /// <summary>The person number of each referral, in <see cref="LaCaseData.Referrals"/> order.</summary>
    public int[] ReferralPersons => LargeDatasetPersons.Referrals;

    // The two large datasets the passes number persons of (710k rows at scale 20), numbered in one step by whichever pass
    // asks first while the other waits: numbered by both passes at once, they took turns at the numbering's lock row by
    // row, which cost about a third more processor time than the whole pass run on one thread (docs/performance.md).
    private DatasetPersons LargeDatasetPersons => Shared(nameof(DatasetPersons), static c => new DatasetPersons(
        c.NumberPersons(c.Data.Referrals, static r => r.PersonKey), c.NumberPersons(c.Data.Involvements, static i => i.PersonKey)));

    /// <summary>A rate per 10,000 children at <paramref name="date"/> with the LA's own estimate, or n/a with the reason.</summary>
    public Measurement RatePer10K(long count, DateOnly date) => Measurement.RatePer10K(count, data.LaCode, date, PopulationAt(date));

    /// <summary>A measure is available only when every event dataset it reads has been supplied; otherwise n/a with the reason.</summary>
    public IMeasure WhenSupplied(IReadOnlyList<DatasetContract> datasets, Func<IMeasure> create) =>
        NotSupplied(datasets) is { } reason ? new NotAvailableMeasure(reason) : create();

    /// <summary>
    /// As <see cref="WhenSupplied(IReadOnlyList{DatasetContract}, Func{IMeasure})"/>, and every column of
    /// <paramref name="columns"/> (of the first dataset) holds a value in at least one of <paramref name="rows"/>: an
    /// extension column an LA does not add, or a column its SSD script leaves NULL, is not supplied.
    /// </summary>
    public IMeasure WhenSupplied<T>(
        IReadOnlyList<DatasetContract> datasets, IReadOnlyList<T> rows, IReadOnlyList<(string Column, Func<T, bool> HasValue)> columns, Func<IMeasure> create)
    {
        if (NotSupplied(datasets) is { } reason)
        {
            return new NotAvailableMeasure(reason);
        }

        var absent = columns.Where(c => !rows.Any(c.HasValue)).Select(c => $"{datasets[0].Name}.{c.Column}").ToList();
        return absent.Count == 0 ? create() : new NotAvailableMeasure($"{string.Join(", ", absent)} not supplied");
    }

    /// <summary>Every one of the event datasets has been supplied by some accepted batch, and has held rows.</summary>
    public bool IsSupplied(params IReadOnlyList<DatasetContract> datasets) => NotSupplied(datasets) is null;

    /// <summary>
    /// Why the event datasets cannot be measured: the first that no accepted batch supplied, or that every batch
    /// supplied with no rows (a header-only file, as the EHCP tables every SSD script leaves empty); null when all can.
    /// </summary>
    public string? NotSupplied(IReadOnlyList<DatasetContract> datasets)
    {
        foreach (var dataset in datasets)
        {
            if (!data.SuppliedDatasets.Contains(dataset.Name))
            {
                return $"{dataset.Name} not supplied";
            }

            if (data.EmptyDatasets.Contains(dataset.Name))
            {
                return $"{dataset.Name} supplied with no rows";
            }
        }

        return null;
    }

    /// <summary>
    /// An intermediate result that the LA's measures and the measures by team both read (judged visits, re-referral
    /// flags, plans open per person …), built on first use and kept with the context: the two passes over the same case
    /// data then build it once (<see cref="IndicatorEngine"/> gives both the same context).
    /// </summary>
    public T Shared<T>(string name, Func<MeasureContext, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);

        // Each result is built once, by whichever pass asks first; the other waits for that one result only, so the two
        // passes can run at once on the two cores (Lazy's default mode runs the build once under its own lock).
        return (T)_shared.GetOrAdd(name, static (_, state) => new Lazy<object>(() => state.build(state.context)), (build, context: this)).Value;
    }

    /// <summary>A care leaver's date of birth (<see cref="LaCaseData.CareLeaverSnapshots"/>); null when the person has none.</summary>
    public DateOnly? CareLeaverDateOfBirth(string personKey) =>
        _careLeaverDatesOfBirth.Value.TryGetValue(personKey, out var dateOfBirth) ? dateOfBirth : null;

    /// <summary>The LA's latest mid-year estimate (30 June of its year) on or before <paramref name="date"/>; null when it has none.</summary>
    public PopulationEstimate? PopulationAt(DateOnly date)
    {
        PopulationEstimate? latest = null;
        foreach (var estimate in data.Population)
        {
            if (new DateOnly(estimate.Year, 6, 30) <= date && (latest is null || estimate.Year > latest.Year))
            {
                latest = estimate;
            }
        }

        return latest;
    }

    private int[] NumberPersons<T>(IReadOnlyList<T> rows, Func<T, string> person)
    {
        var numbers = new int[rows.Count];
        for (var i = 0; i < numbers.Length; i++)
        {
            numbers[i] = Persons.NumberOf(person(rows[i]));
        }

        return numbers;
    }

    // Only the care leavers' dates of birth are read (their ages at period ends): a set of those few persons, then one pass
    // over the people, rather than a dictionary of every person.
    private static Dictionary<string, DateOnly> BuildCareLeaverDatesOfBirth(LaCaseData data)
    {
        var careLeavers = data.CareLeaverSnapshots.SelectMany(static s => s.Rows).Select(static c => c.PersonKey).ToHashSet(StringComparer.Ordinal);
        var datesOfBirth = new Dictionary<string, DateOnly>(careLeavers.Count, StringComparer.Ordinal);
        foreach (var person in data.People)
        {
            if (person.DateOfBirth is { } dateOfBirth && careLeavers.Contains(person.PersonKey))
            {
                datesOfBirth.TryAdd(person.PersonKey, dateOfBirth);
            }
        }

        return datesOfBirth;
    }
}

/// <summary>The person numbers of the referrals and of the involvements, each in its dataset's order.</summary>
internal sealed record DatasetPersons(int[] Referrals, int[] Involvements);
