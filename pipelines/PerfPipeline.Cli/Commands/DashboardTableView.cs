namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators;

using Spectre.Console;

/// <summary>
/// The dashboard laid out like the published table: each item's measures with the previous financial year, the
/// same period last year and the current period, the direction of travel (↑ ↓ ↔) and the England figure.
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
            .AddColumn(new TableColumn("England").RightAligned());
        foreach (var item in dashboard.Items)
        {
            table.AddRow($"[bold]{item.Item}[/]", $"[bold]{Markup.Escape(item.Title)}[/]", "", "", "", "", "");
            foreach (var measure in item.Measures)
            {
                table.AddRow(
                    "",
                    Markup.Escape(measure.Label),
                    Shown(measure.PreviousYear.Display, measure.Unit),
                    Shown(measure.SamePeriodLastYear.Display, measure.Unit),
                    $"[bold]{Shown(measure.Current.Display, measure.Unit)}[/]",
                    IndicatorDisplay.Arrow(measure.Direction),
                    measure.National.Display is { } national ? Shown(national, measure.Unit) : "");
            }
        }

        console.Write(table);
        foreach (var measure in dashboard.Items.SelectMany(i => i.Measures).Where(m => m.Current.Reason is not null))
        {
            console.MarkupLine($"[grey]{Markup.Escape(measure.Code)} {Markup.Escape(dashboard.Period)}: n/a, {Markup.Escape(measure.Current.Reason!)}.[/]");
        }

        console.MarkupLine("[grey]Arrows compare with the same period last year, or the previous financial year when that is not available.[/]");
    }

    private static string Shown(string display, IndicatorUnit unit) => Markup.Escape(IndicatorDisplay.WithUnit(display, unit));
}
