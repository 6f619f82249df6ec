namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>The quarterly trend of every measure, from the indicator values of one LA.</summary>
public static class DashboardTrends
{
    /// <summary>Each indicator's quarters, oldest first; months and financial years are left out.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<DashboardTrendPoint>> Quarterly(IEnumerable<IndicatorValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values
            .Where(v => v.Period.Type == PeriodType.Quarter)
            .GroupBy(v => v.IndicatorCode, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<DashboardTrendPoint>)[.. g.OrderBy(v => v.Period.Start).Select(v => new DashboardTrendPoint(v.Period.Code, v.Value))],
                StringComparer.Ordinal);
    }
}
