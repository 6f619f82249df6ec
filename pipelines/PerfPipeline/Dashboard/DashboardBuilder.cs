namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>Looks up the current value of one indicator for one period; null when none was computed.</summary>
public delegate IndicatorValue? IndicatorValueLookup(string indicatorCode, Period period);

/// <summary>
/// Builds the dashboard of one LA and period from the catalogue and the current indicator values: each
/// measure's value now, in the same period last year and in the previous financial year, the direction of
/// travel and the national comparator. Pure: the caller does the reading.
/// </summary>
public static class DashboardBuilder
{
    public static DashboardDocument Build(
        string laCode, string? laName, Period period, DateOnly? dataAsAt, IndicatorValueLookup valueOf) =>
        Build(IndicatorCatalogue.All, laCode, laName, period, dataAsAt, valueOf);

    public static DashboardDocument Build(
        IReadOnlyList<IndicatorDefinition> catalogue, string laCode, string? laName, Period period, DateOnly? dataAsAt,
        IndicatorValueLookup valueOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(valueOf);
        var lastYear = period.SamePeriodLastYear();
        var previousYear = period.PreviousFinancialYear();
        var sections = catalogue
            .GroupBy(d => d.Item)
            .Select(item => new DashboardSection(
                item.Key.Number,
                item.Key.Title,
                [.. item.Select(d => Measure(d, valueOf, period, lastYear, previousYear))]))
            .ToList();
        return new DashboardDocument(
            laCode, laName, period.Code, new DashboardComparisons(lastYear.Code, previousYear.Code), dataAsAt, sections);
    }

    private static DashboardMeasure Measure(
        IndicatorDefinition definition, IndicatorValueLookup valueOf, Period period, Period lastYear, Period previousYear)
    {
        var current = valueOf(definition.Code, period);
        var sameLastYear = valueOf(definition.Code, lastYear);
        var previous = valueOf(definition.Code, previousYear);

        // Against the same period last year; when that is not available, the previous complete financial year.
        var (comparator, comparedWith) = sameLastYear?.Value is not null ? (sameLastYear, lastYear) : (previous, previousYear);
        var direction = IndicatorDisplay.Direction(current?.Value, comparator?.Value, definition.Precision);

        var national = definition.National;
        return new DashboardMeasure(
            definition.Code,
            definition.Label,
            definition.Unit,
            definition.Polarity,
            definition.Precision,
            Value(current, definition),
            Value(sameLastYear, definition),
            Value(previous, definition),
            direction,
            direction is null ? null : comparedWith.Code,
            new DashboardNational(
                national?.Value,
                national?.Period,
                national is null ? null : IndicatorDisplay.Format(national.Value, definition.Precision)));
    }

    private static DashboardValue Value(IndicatorValue? value, IndicatorDefinition definition) =>
        new(value?.Value, value?.Numerator, value?.Denominator, IndicatorDisplay.Format(value?.Value, definition.Precision))
        {
            Reason = value?.Reason,
            Basis = value?.Basis,
        };
}
