namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators.Measures;

/// <summary>
/// A distinct-person flow (repeat plans, missing children) is read by the LA's figures and the figures by team at once
/// on a load's two cores: it counts each person once per period, by their first event in it, whoever else reads it.
/// </summary>
public sealed class DistinctPersonFlowTests
{
    [Fact]
    public void Measure_ReadFromSeveralThreadsAtOnce_GivesTheFiguresOfOneReader()
    {
        var random = new Random(7);
        var first = new DateOnly(2017, 4, 1);
        var events = Enumerable.Range(0, 40_000)
            .Select(_ => (Day: first.AddDays(random.Next(3 * 365)), Person: random.Next(3_000)))
            .Select(e => (e.Day, Person: $"P{e.Person}", Flag: (e.Person + e.Day.DayNumber) % 3 == 0))
            .ToArray();
        var flow = DistinctPersonFlow.Create(events, new KeyIndex(), static e => e.Day, static e => e.Person, static e => e.Flag, FlowStatistic.Percent);
        var periods = Period.Touching(first, first.AddYears(3).AddDays(-1));
        var expected = periods.Select(p => Expected(events, p)).ToList();

        var measured = new (decimal?, decimal?)[8][];
        Parallel.For(0, measured.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, reader =>
            measured[reader] = [.. periods.Select(p => flow.Measure(p)).Select(m => (m.Numerator, m.Denominator))]);

        Assert.All(measured, m => Assert.Equal(expected, m));
    }

    // Each person with an event in the period once, flagged as their first day in it is (a person's events of one day
    // agree here, so the order among them does not matter).
    private static (decimal?, decimal?) Expected((DateOnly Day, string Person, bool Flag)[] events, Period period)
    {
        var firsts = events.Where(e => e.Day >= period.Start && e.Day <= period.End)
            .GroupBy(e => e.Person, StringComparer.Ordinal)
            .Select(g => g.MinBy(e => e.Day))
            .ToList();
        return (firsts.Count(f => f.Flag), firsts.Count);
    }
}
