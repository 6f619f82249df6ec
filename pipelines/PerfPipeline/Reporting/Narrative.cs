namespace PerfPipeline.Reporting;

using System.Globalization;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

/// <summary>
/// Drafts the factual sentences of a report from the dashboard's figures, deterministically: the templates per
/// measure kind (count, percentage, rate, average days) all live here. Every figure a sentence quotes is the
/// table's display, and its direction word comes from <see cref="DirectionWords"/> on the table's own direction.
/// </summary>
public static class Narrative
{
    /// <summary>A change at least this large (percentage points, or per cent) may be called sharp, unless the figure is a small number.</summary>
    private const decimal SharpPercentagePoints = 10m;

    private const decimal SharpPerCent = 25m;

    /// <summary>
    /// The item's "What does this show us?" sentences, the largest movement against the comparison period first
    /// (ties and measures with no movement keep dashboard order). <paramref name="families"/> gives, where the extract
    /// carries a family identifier, how many families the current figure's children came from.
    /// </summary>
    public static IReadOnlyList<DraftedSentence> WhatItShows(
        DashboardSection item, DashboardDocument dashboard, int smallNumberThreshold = SmallNumbers.DefaultThreshold,
        IReadOnlyDictionary<string, int>? families = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(dashboard);
        return [.. item.Measures
            .Select(m => Draft(m, dashboard, smallNumberThreshold, families?.GetValueOrDefault(m.Code)))
            .Select((sentence, order) => (sentence, order))
            .OrderByDescending(s => s.sentence.Movement is { } x ? Math.Abs(x) : -1m)
            .ThenBy(s => s.order)
            .Select(s => s.sentence)];
    }

    /// <summary>One measure's sentence.</summary>
    public static DraftedSentence Draft(DashboardMeasure measure, DashboardDocument dashboard, int smallNumberThreshold = SmallNumbers.DefaultThreshold, int? families = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(dashboard);
        var wording = MeasureWording.For(measure.Code, measure.Label, measure.Unit);
        var kind = IndicatorCatalogue.Find(measure.Code)?.Kind ?? IndicatorKind.Flow;
        var current = measure.Current;
        if (current.Value is null)
        {
            var reason = current.Denominator == 0
                ? $", as there were no {wording.Cases} to measure (a denominator of zero)"
                : " (n/a)";
            return new DraftedSentence(measure.Code, $"{measure.Label}: there is no figure {When(kind, dashboard.Period)}{reason}.", null, null, false);
        }

        var small = SmallNumbers.IsSmall(measure.Unit, current.Denominator, smallNumberThreshold);
        var verb = DirectionWords.Verb(measure.Direction, measure.Polarity);
        var text = new System.Text.StringBuilder();
        if (verb is not null)
        {
            text.Append(char.ToUpperInvariant(verb[0])).Append(verb.AsSpan(1)).Append(": ");
        }

        text.Append(Figure(current.Display, measure.Unit)).Append(' ').Append(wording.Subject).Append(' ').Append(When(kind, dashboard.Period));
        if (measure.Unit == IndicatorUnit.Percent && current.Denominator is { } denominator)
        {
            text.Append(" (").Append(Quantity(current.Numerator ?? 0)).Append(" of ").Append(Quantity(denominator)).Append(')');
        }
        else if (measure.Unit == IndicatorUnit.Days && current.Denominator is { } cases)
        {
            text.Append(" (over ").Append(Quantity(cases)).Append(' ').Append(wording.Cases).Append(')');
        }

        var earlier = new List<string>();
        if (measure.SamePeriodLastYear.Value is not null)
        {
            earlier.Add($"{Figure(measure.SamePeriodLastYear.Display, measure.Unit)} {When(kind, dashboard.ComparedWith.SamePeriodLastYear)}");
        }

        if (measure.PreviousYear.Value is not null)
        {
            earlier.Add($"{Figure(measure.PreviousYear.Display, measure.Unit)} {When(kind, dashboard.ComparedWith.PreviousYear)}");
        }

        decimal? movement = null;
        if (earlier.Count == 0)
        {
            text.Append(". This is the first period with data, so there is nothing to compare it with.");
        }
        else
        {
            text.Append(", against ").Append(string.Join(" and ", earlier));
            if (measure.SamePeriodLastYear.Value is null)
            {
                text.Append(" (no figure ").Append(When(kind, dashboard.ComparedWith.SamePeriodLastYear)).Append(')');
            }

            var comparedWith = measure.DirectionComparedWith ?? dashboard.ComparedWith.SamePeriodLastYear;
            var then = comparedWith == dashboard.ComparedWith.SamePeriodLastYear ? measure.SamePeriodLastYear : measure.PreviousYear;
            movement = Movement(measure, current, then);
            text.Append("; ").Append(Change(measure, current, then, movement, small)).Append(" on ").Append(comparedWith).Append('.');
        }

        if (small)
        {
            var from = families is { } f ? $" from {Quantity(f)} {(f == 1 ? "family" : "families")}" : string.Empty;
            text.Append(" Based on ").Append(Quantity(current.Denominator!.Value)).Append(' ').Append(wording.Cases).Append(from)
                .Append(", so a few ").Append(wording.Cases).Append(" either way move this figure a long way.");
        }

        return new DraftedSentence(measure.Code, text.ToString(), verb, movement, small);
    }

    /// <summary>The item's "What is the national context?" sentences from the comparators shown in its England column.</summary>
    public static IReadOnlyList<string> NationalContext(DashboardSection item, DashboardDocument dashboard)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(dashboard);
        var la = dashboard.LaName ?? $"LA {dashboard.LaCode}";
        var sentences = new List<string>();
        foreach (var measure in item.Measures)
        {
            if (measure.National.Value is not { } national || measure.National.Label is not { } label)
            {
                continue;
            }

            var wording = MeasureWording.For(measure.Code, measure.Label, measure.Unit);
            var sentence = $"{label}: {Figure(measure.National.Display!, measure.Unit)} {wording.Subject}";
            if (measure.Current.Value is { } value)
            {
                var kind = IndicatorCatalogue.Find(measure.Code)?.Kind ?? IndicatorKind.Flow;
                var gap = IndicatorDisplay.Round(value, measure.DisplayPrecision) - IndicatorDisplay.Round(national, measure.DisplayPrecision);
                var size = measure.Unit == IndicatorUnit.Percent
                    ? $"{IndicatorDisplay.Format(Math.Abs(gap), measure.DisplayPrecision)} percentage points"
                    : IndicatorDisplay.Format(Math.Abs(gap), measure.DisplayPrecision);
                var side = gap switch
                {
                    0 => "the same as the national figure",
                    > 0 => $"{size} above it",
                    _ => $"{size} below it",
                };
                var judgement = (gap, measure.Polarity) switch
                {
                    (0, _) or (_, IndicatorPolarity.Neutral) => string.Empty,
                    ( > 0, IndicatorPolarity.HigherIsBetter) or ( < 0, IndicatorPolarity.LowerIsBetter) => ", better than England",
                    _ => ", worse than England",
                };
                sentence += $"; {la}'s {Figure(measure.Current.Display, measure.Unit)} {When(kind, dashboard.Period)} is {side}{judgement}";
            }

            sentences.Add(measure.National.SourceNote is { Length: > 0 } note ? $"{sentence} (source: {note})." : $"{sentence}.");
        }

        if (sentences.Count == 0)
        {
            sentences.Add("No national figure is published for this item's measures.");
        }

        return sentences;
    }

    /// <summary>
    /// The change from <paramref name="then"/> to <paramref name="now"/> on the displayed values: percentage points for
    /// a percentage, per cent otherwise; null when there is no earlier figure or it is zero (no relative change).
    /// </summary>
    public static decimal? Movement(DashboardMeasure measure, DashboardValue now, DashboardValue then)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(now);
        ArgumentNullException.ThrowIfNull(then);
        if (now.Value is not { } current || then.Value is not { } earlier)
        {
            return null;
        }

        var a = IndicatorDisplay.Round(current, measure.DisplayPrecision);
        var b = IndicatorDisplay.Round(earlier, measure.DisplayPrecision);
        if (measure.Unit == IndicatorUnit.Percent)
        {
            return a - b;
        }

        return b == 0 ? null : IndicatorDisplay.Round((a - b) / b * 100m, 1);
    }

    private static string Change(DashboardMeasure measure, DashboardValue now, DashboardValue then, decimal? movement, bool small)
    {
        if (measure.Direction == TravelDirection.Level)
        {
            return "no change";
        }

        var way = measure.Direction == TravelDirection.Up ? "up" : "down";
        if (movement is not { } change)
        {
            // Only a zero earlier figure leaves no relative change: say it rose from zero.
            return $"{way} from {Figure(then.Display, measure.Unit)} to {Figure(now.Display, measure.Unit)}";
        }

        var points = measure.Unit == IndicatorUnit.Percent;
        var size = points ? $"{IndicatorDisplay.Format(Math.Abs(change), measure.DisplayPrecision)} percentage points" : $"{IndicatorDisplay.Format(Math.Abs(change), 1)}%";
        var sharp = !small && Math.Abs(change) >= (points ? SharpPercentagePoints : SharpPerCent);
        return sharp ? $"{way} sharply, by {size}," : $"{way} {size}";
    }

    private static string When(IndicatorKind kind, string period) => kind switch
    {
        IndicatorKind.Snapshot => $"at the end of {period}",
        IndicatorKind.Rolling => $"in the 12 months to the end of {period}",
        _ => $"in {period}",
    };

    private static string Figure(string display, IndicatorUnit unit) => IndicatorDisplay.WithUnit(display, unit);

    private static string Quantity(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("#,0.0##", CultureInfo.InvariantCulture);
}
