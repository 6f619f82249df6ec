namespace PerfPipeline.Generation;

using System.Globalization;

using PerfPipeline.Calendar;
using PerfPipeline.Generation.Profile;

/// <summary>What every generation step shares: the profile, the one seeded random source, the calendar and the world so far.</summary>
internal sealed class GenerationContext
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public GenerationContext(SeedProfile profile)
    {
        Profile = profile;
        Random = new Random(profile.Seed);
        World = new SyntheticWorld
        {
            LaCode = profile.LaCode,
            LaName = profile.LaName,
            SourceSystem = profile.SourceSystem,
            Batches = profile.Batches,
        };
        People = new PersonFactory(Random, World);
        Year = Period.Parse(profile.Year);
        LastYearQuarter = Period.Parse(profile.LastYearQuarter);
        Quarter = Period.Parse(profile.Quarter);
        Quarters = new QuarterTargets(profile.HistoryStart, World.End, Year, LastYearQuarter, Quarter, new Seasonality(profile.Seed));
    }

    public SeedProfile Profile { get; }

    public Random Random { get; }

    public GenerationCalendar Calendar { get; } = GenerationCalendar.EnglandAndWales;

    public SyntheticWorld World { get; }

    public PersonFactory People { get; }

    public Period Year { get; }

    public Period LastYearQuarter { get; }

    public Period Quarter { get; }

    public QuarterTargets Quarters { get; }

    public DateOnly End => World.End;

    /// <summary>The snapshot dates of the three periods, oldest first: last year's quarter end, the year end, the quarter end.</summary>
    public IReadOnlyList<DateOnly> SnapshotDates => [LastYearQuarter.End, Year.End, Quarter.End];

    /// <summary>The next identifier of a kind: the prefix and a number from <paramref name="first"/> up.</summary>
    public string NextId(string prefix, int first = 1)
    {
        var next = _ids.TryGetValue(prefix, out var last) ? last + 1 : first;
        _ids[prefix] = next;
        return prefix + next.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A working day in the range most of the time, any day otherwise (out-of-hours and weekend work).</summary>
    public DateOnly MostlyWorkingDay(DateOnly from, DateOnly to, double workingShare = 0.97) =>
        Random.Chance(workingShare) && Calendar.RandomWorkingDay(Random, from, to) is { } day ? day : Random.DateBetween(from, to);
}
