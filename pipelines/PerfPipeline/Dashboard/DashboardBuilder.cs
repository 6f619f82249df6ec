namespace PerfPipeline.Dashboard;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

/// <summary>Looks up the current value of one indicator for one period; null when none was computed.</summary>
public delegate IndicatorValue? IndicatorValueLookup(string indicatorCode, Period period);

/// <summary>
/// Builds the dashboard of one LA and period from the catalogue and the current indicator values: each
/// measure's value now, in the same period last year and in the previous financial year, the direction of
/// travel, the national comparator for the period, the target and its RAG, small-number flags, and under each item
/// the drafted sentences beside the officers' commentary. Pure: the caller does the reading.
/// </summary>
internal static class DashboardBuilder
{
    /// <param name="families">Where the extract carries family identifiers, the families each measure's current figure's children came from.</param>
    public static DashboardDocument Build(
        string laCode, string? laName, Period period, DateOnly? dataAsAt, IndicatorValueLookup valueOf,
        ReportingReference? reference = null, IReadOnlyList<Commentary>? commentary = null, IReadOnlyDictionary<string, int>? families = null) =>
        Build(IndicatorCatalogue.All, laCode, laName, period, dataAsAt, valueOf, reference, commentary, families);

    public static DashboardDocument Build(
        IReadOnlyList<IndicatorDefinition> catalogue, string laCode, string? laName, Period period, DateOnly? dataAsAt,
        IndicatorValueLookup valueOf, ReportingReference? reference = null, IReadOnlyList<Commentary>? commentary = null,
        IReadOnlyDictionary<string, int>? families = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(valueOf);
        reference ??= ReportingReference.Shipped;
        var lastYear = period.SamePeriodLastYear();
        var previousYear = period.PreviousFinancialYear();
        var sections = catalogue
            .GroupBy(d => d.Item)
            .Select(item => new DashboardSection(
                item.Key.Number,
                item.Key.Title,
                [.. item.Select(d => Measure(d, valueOf, period, lastYear, previousYear, reference))]))
            .ToList();
        var dashboard = new DashboardDocument(
            laCode, laName, period.Code, new DashboardComparisons(lastYear.Code, previousYear.Code), dataAsAt, sections)
        {
            SmallNumberThreshold = reference.SmallNumberThreshold,
        };
        var written = (commentary ?? []).Where(c => c.LaCode == laCode && c.Period == period.Code).ToList();
        return dashboard with
        {
            Items =
            [
                .. sections.Select(s => s with
                {
                    Narrative = new ItemNarrative(
                        Narrative.WhatItShows(s, dashboard, reference.SmallNumberThreshold, families),
                        Narrative.NationalContext(s, dashboard),
                        [.. written.Where(c => c.Item == s.Item).OrderBy(c => c.Section)]),
                }),
            ],
        };
    }

    private static DashboardMeasure Measure(
        IndicatorDefinition definition, IndicatorValueLookup valueOf, Period period, Period lastYear, Period previousYear, ReportingReference reference)
    {
        var current = valueOf(definition.Code, period);
        var sameLastYear = valueOf(definition.Code, lastYear);
        var previous = valueOf(definition.Code, previousYear);

        // Against the same period last year; when that is not available, the previous complete financial year.
        var (comparator, comparedWith) = sameLastYear?.Value is not null ? (sameLastYear, lastYear) : (previous, previousYear);
        var direction = IndicatorDisplay.Direction(current?.Value, comparator?.Value, definition.Precision);

        var national = NationalFigure.Latest(reference.Comparators, definition.Code, period);
        var target = RagRule.InForce(reference.Targets, definition.Code, period);
        return new DashboardMeasure(
            definition.Code,
            definition.Label,
            definition.Unit,
            definition.Polarity,
            definition.Precision,
            Value(current, definition, reference),
            Value(sameLastYear, definition, reference),
            Value(previous, definition, reference),
            direction,
            direction is null ? null : comparedWith.Code,
            new DashboardNational(
                national?.Value,
                national?.Period,
                national is null ? null : IndicatorDisplay.Format(national.Value, definition.Precision))
            {
                Label = national is null ? null : NationalFigure.Label(national),
                SourceNote = national?.SourceNote,
            })
        {
            Target = target is null
                ? null
                : new DashboardTarget(target.Target, target.Tolerance, target.Source, target.FromDate, RagRule.Judge(current?.Value, target, definition.Polarity, definition.Precision)),
        };
    }

    private static DashboardValue Value(IndicatorValue? value, IndicatorDefinition definition, ReportingReference reference) =>
        new(value?.Value, value?.Numerator, value?.Denominator, IndicatorDisplay.Format(value?.Value, definition.Precision))
        {
            SmallNumber = SmallNumbers.IsSmall(definition.Unit, value?.Denominator, reference.SmallNumberThreshold),
            Reason = value?.Reason,
            Basis = value?.Basis,
        };
}
