namespace PerfPipeline.Tests.Indicators;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators.Measures;

/// <summary>
/// A flow counts the events dated in a period and their numerators. Its per-day tally grows its range of days as events
/// come (earlier and later than any before it, in any order), so the counts must not depend on that order.
/// </summary>
public sealed class FlowSeriesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Measure_EventsInAnyOrderOverYears_CountsEachPeriodsEventsAndNumerators(int seed)
    {
        var random = new Random(seed);
        var middle = new DateOnly(2016, 6, 15);

        // Spread both sides of the first event, with the far ends late in the list, so the range grows both ways more than once.
        var events = Enumerable.Range(0, 5_000)
            .Select(i => (Day: middle.AddDays(random.Next(-(i / 2) - 1, (i / 2) + 1)), Numerator: (long)random.Next(0, 40)))
            .ToArray();
        var series = FlowSeries.Create(events, static e => e.Day, static e => e.Numerator, FlowStatistic.Mean);

        // Periods before, across and after the events: an empty period is 0 events.
        foreach (var period in Period.Touching(middle.AddYears(-8), middle.AddYears(8)))
        {
            var inPeriod = events.Where(e => e.Day >= period.Start && e.Day <= period.End).ToList();
            var measured = series.Measure(period);
            Assert.Equal(inPeriod.Count, measured.Denominator);
            Assert.Equal(inPeriod.Sum(e => e.Numerator), measured.Numerator);
        }
    }

    [Fact]
    public void Measure_NoEvents_CountsNone()
    {
        var series = FlowSeries.Count(Array.Empty<DateOnly?>(), static d => d);

        Assert.Equal(0, series.Measure(Period.Parse("2019-20")).Value);
    }
}
