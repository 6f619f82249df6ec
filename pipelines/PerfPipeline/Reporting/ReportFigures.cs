namespace PerfPipeline.Reporting;

using System.Globalization;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

/// <summary>How the report's outputs (HTML, DOCX) show the pieces beside a figure, written once for all of them.</summary>
public static class ReportFigures
{
    /// <summary>"290 of 380" for a percentage, "4,400 days over 176 cases" for an average; null for counts and rates or with no figure.</summary>
    public static string? Fraction(DashboardValue value, IndicatorUnit unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Value is null || value.Denominator is not { } denominator)
        {
            return null;
        }

        return unit switch
        {
            IndicatorUnit.Percent => $"{Quantity(value.Numerator ?? 0)} of {Quantity(denominator)}",
            IndicatorUnit.Days => $"{Quantity(value.Numerator ?? 0)} days over {Quantity(denominator)} cases",
            _ => null,
        };
    }

    /// <summary>The footnote under a table for a figure flagged as a small number.</summary>
    public static string SmallNumberNote(DashboardMeasure measure, DashboardValue value, int threshold)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentNullException.ThrowIfNull(value);
        return $"Small number: {measure.Label}, {IndicatorDisplay.WithUnit(value.Display, measure.Unit)} is {Fraction(value, measure.Unit)}, fewer than {threshold} cases.";
    }

    public static string Rag(RagStatus status) => status switch
    {
        RagStatus.Green => "Green",
        RagStatus.Amber => "Amber",
        _ => "Red",
    };

    public static string Byline(Commentary written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return $"{written.Author}, {written.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {(written.Status == CommentaryStatus.Approved ? "approved" : "draft")}";
    }

    public static string Quantity(decimal value) =>
        value == decimal.Truncate(value) ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("#,0.0##", CultureInfo.InvariantCulture);
}
