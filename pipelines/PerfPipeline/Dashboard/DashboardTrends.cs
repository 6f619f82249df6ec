namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>The quarterly trend of every measure, from the indicator values of one LA.</summary>
public static class DashboardTrends
{
    /// <summary>
    /// Each indicator's quarters, oldest first; months and financial years are left out. A trend starts at the
    /// measure's first quarter with a figure other than nothing or zero: quarters before that come before the
    /// extract's records of it begin (a long period of care reaches back years before the first referral), and a
    /// run of zeros there would read as a real change. A measure that is zero or nothing throughout keeps them all.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> Quarterly(IEnumerable<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values
            .Where(v => v.Period.Type == PeriodType.Quarter)
            .GroupBy(v => v.IndicatorCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => FromFirstFigure([.. g.OrderBy(v => v.Period.Start)]), StringComparer.Ordinal);
    }

    private static IReadOnlyList<DashboardTrendPoint> FromFirstFigure(IReadOnlyList<IndicatorValue> quarters)
    {
        var first = quarters.Select((v, i) => (v.Value, i)).FirstOrDefault(p => p.Value is { } x && x != 0, (null, 0)).i;
        return [.. quarters.Skip(first).Select(v => new DashboardTrendPoint(v.Period.Code, v.Value))];
    }
}
