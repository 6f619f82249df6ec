namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Loading;

using Spectre.Console;

/// <summary>Prints load outcomes: a line per batch and its rows per dataset.</summary>
internal static class LoadOutcomeView
{
    public static void Write(IAnsiConsole console, IReadOnlyList<LoadOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            console.MarkupLine($"{Markup.Escape(outcome.Batch.Path)}  {Label(outcome.Kind)}  [grey]load {Markup.Escape(outcome.LoadId)}[/]");
            if (outcome.Error is { } error)
            {
                console.MarkupLine($"  [red]{Markup.Escape(error)}[/]");
            }

            foreach (var warning in outcome.Warnings)
            {
                console.MarkupLine($"  [yellow]warning: {Markup.Escape(warning)}[/]");
            }

            if (outcome.Datasets.Count == 0)
            {
                continue;
            }

            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("dataset").AddColumn(new TableColumn("read").RightAligned())
                .AddColumn(new TableColumn("loaded").RightAligned()).AddColumn(new TableColumn("rejected").RightAligned());
            foreach (var d in outcome.Datasets)
            {
                table.AddRow(Markup.Escape(d.Dataset), Number(d.RowsRead), Number(d.RowsLoaded), Number(d.RowsRejected));
            }

            console.Write(table);
        }
    }

    public static string Label(LoadOutcomeKind kind) => kind switch
    {
        LoadOutcomeKind.Loaded => "[green]loaded[/]",
        LoadOutcomeKind.AlreadyLoaded => "[grey]already loaded[/]",
        LoadOutcomeKind.Rejected => "[red]rejected[/]",
        LoadOutcomeKind.NeedsConfirmation => "[yellow]needs confirmation[/]",
        LoadOutcomeKind.CopyPurged => "[red]copy purged[/]",
        _ => "[red]failed[/]",
    };

    public static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Exit code: 1 when any batch was rejected or failed to load, or its copy was purged and it could not be replayed.</summary>
    public static int ExitCode(IReadOnlyList<LoadOutcome> outcomes) => outcomes.All(o => o.Succeeded) ? ExitCodes.Success : ExitCodes.Rejected;
}
