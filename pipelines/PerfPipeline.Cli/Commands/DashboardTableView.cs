namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;
using PerfPipeline.Reporting;

using Spectre.Console;

/// <summary>
/// The dashboard laid out like the published table: each item's measures with the previous financial year, the
/// same period last year and the current period, the direction of travel (↑ ↓ ↔), the target and its RAG, and the
/// England figure labelled with its own period; figures over small numbers are marked † with a footnote.
/// </summary>
internal static class DashboardTableView
{
    public static void Write(IAnsiConsole console, DashboardDocument dashboard)
    {
        var la = dashboard.LaName is null ? dashboard.LaCode : $"{dashboard.LaName} ({dashboard.LaCode})";
        var asAt = dashboard.DataAsAt is { } date ? $", data as at {date:yyyy-MM-dd}" : "";
        console.MarkupLine($"[bold]{Markup.Escape(la)}: children's services dashboard, {Markup.Escape(dashboard.Period)}[/]{Markup.Escape(asAt)}");

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("").RightAligned())
            .AddColumn("measure")
            .AddColumn(new TableColumn(Markup.Escape(dashboard.ComparedWith.PreviousYear)).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(dashboard.ComparedWith.SamePeriodLastYear)).RightAligned())
            .AddColumn(new TableColumn(Markup.Escape(dashboard.Period)).RightAligned())
            .AddColumn(new TableColumn("").Centered())
            .AddColumn(new TableColumn("target").RightAligned())
            .AddColumn(new TableColumn("RAG").Centered())
            .AddColumn(new TableColumn("England").RightAligned());
        var footnotes = new List<string>();
        foreach (var item in dashboard.Items)
        {
            table.AddRow($"[bold]{item.Item}[/]", $"[bold]{Markup.Escape(item.Title)}[/]", "", "", "", "", "", "", "");
            foreach (var measure in item.Measures)
            {
                table.AddRow(
                    "",
                    Markup.Escape(measure.Label),
                    Cell(measure.PreviousYear, measure, dashboard, footnotes),
                    Cell(measure.SamePeriodLastYear, measure, dashboard, footnotes),
                    $"[bold]{Cell(measure.Current, measure, dashboard, footnotes)}[/]",
                    IndicatorDisplay.Arrow(measure.Direction),
                    measure.Target is { } target ? Shown(IndicatorDisplay.Format(target.Value, measure.DisplayPrecision), measure.Unit) : "",
                    measure.Target?.Rag is { } rag ? Rag(rag) : measure.Target is null ? "" : IndicatorDisplay.NotAvailable,
                    // Each comparator with its own period, as published ("England 2018-19", "England, calendar year 2018").
                    measure.National.Display is { } national
                        ? Shown(national, measure.Unit) + (measure.National.Label is { } label ? Markup.Escape($" ({label})") : "")
                        : "");
            }
        }

        console.Write(table);
        foreach (var measure in dashboard.Items.SelectMany(i => i.Measures).Where(m => m.Current.Reason is not null))
        {
            console.MarkupLine($"[grey]{Markup.Escape(measure.Code)} {Markup.Escape(dashboard.Period)}: n/a, {Markup.Escape(measure.Current.Reason!)}.[/]");
        }

        foreach (var (note, index) in footnotes.Select((n, i) => (n, i + 1)))
        {
            console.MarkupLine($"[grey]†{index} {Markup.Escape(note)}[/]");
        }

        console.MarkupLine("[grey]Arrows compare with the same period last year, or the previous financial year when that is not available.[/]");
    }

    /// <summary>A figure, marked † with its footnote's number when it is over a small number (Reporting.SmallNumbers).</summary>
    private static string Cell(DashboardValue value, DashboardMeasure measure, DashboardDocument dashboard, List<string> footnotes)
    {
        var shown = Shown(value.Display, measure.Unit);
        if (!value.SmallNumber)
        {
            return shown;
        }

        footnotes.Add(ReportFigures.SmallNumberNote(measure, value, dashboard.SmallNumberThreshold));
        return $"{shown} †{footnotes.Count}";
    }

    private static string Rag(RagStatus status) => status switch
    {
        RagStatus.Green => "[green]Green[/]",
        RagStatus.Amber => "[yellow]Amber[/]",
        _ => "[red]Red[/]",
    };

    private static string Shown(string display, IndicatorUnit unit) => Markup.Escape(IndicatorDisplay.WithUnit(display, unit));
}
