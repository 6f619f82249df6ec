namespace PerfPipeline.Generation;

using PerfPipeline.Calendar;
using PerfPipeline.Generation.Profile;

/// <summary>
/// Turns a measure's year / quarter targets into one target per quarter of the history: the two target
/// quarters as given, the year's other three quarters sharing what is left by season, every other quarter the
/// background made busier or quieter by season and noise (<see cref="Seasonality"/>).
/// </summary>
internal sealed class QuarterTargets
{
    private readonly Seasonality _seasons;

    public QuarterTargets(DateOnly historyStart, DateOnly end, Period year, Period lastYearQuarter, Period quarter, Seasonality seasons)
    {
        _seasons = seasons;
        Year = year;
        LastYearQuarter = lastYearQuarter;
        Quarter = quarter;
        var financialYear = Period.FinancialYearStart(historyStart);
        var number = 1;
        for (var q = Period.Quarter(financialYear, number); q.Start <= end; q = Period.Quarter(financialYear, number))
        {
            if (q.End >= historyStart)
            {
                Quarters.Add(q);
            }

            if (++number > 4)
            {
                number = 1;
                financialYear++;
            }
        }
    }

    public Period Year { get; }

    public Period LastYearQuarter { get; }

    public Period Quarter { get; }

    /// <summary>Every quarter of the history, oldest first.</summary>
    public List<Period> Quarters { get; } = [];

    /// <summary>The year's quarters other than <see cref="LastYearQuarter"/>.</summary>
    public IReadOnlyList<Period> YearRest => [.. Quarters.Where(q => Year.Contains(q.Start) && q != LastYearQuarter)];

    public bool IsTarget(Period q) => q == LastYearQuarter || q == Quarter || Year.Contains(q.Start);

    /// <summary>One target per quarter. Each call draws its own noise, so no two measures move in step.</summary>
    public Dictionary<Period, T> Resolve<T>(FlowTargets<T> targets)
        where T : IQuarterTarget<T>
    {
        var factors = Factors();
        var rest = YearRest;
        var weights = rest.Select(q => factors[q]).ToList();
        var remainder = T.Less(targets.Year, targets.LastYearQuarter);
        var result = new Dictionary<Period, T>();
        foreach (var q in Quarters)
        {
            result[q] = q == LastYearQuarter ? targets.LastYearQuarter
                : q == Quarter ? targets.Quarter
                : Year.Contains(q.Start) ? T.Part(remainder, weights, IndexOf(rest, q))
                : T.Vary(targets.Background, factors[q].Volume, factors[q].Rate);
        }

        return result;
    }

    /// <summary>A volume and a rate factor for every quarter of the history, drawn afresh.</summary>
    public Dictionary<Period, (double Volume, double Rate)> Factors() => Quarters.ToDictionary(q => q, _seasons.Draw);

    private static int IndexOf(IReadOnlyList<Period> list, Period item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }
}
