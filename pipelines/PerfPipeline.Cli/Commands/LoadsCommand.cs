namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Warehouse;

using Spectre.Console;

/// <summary><c>loads</c>: the audit of every load, newest first.</summary>
internal static class LoadsCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Option<LoadStatus?>("--status") { Description = "Only loads with this status.", HelpName = "loaded|failed" };
        var warehouse = new WarehouseOptions(context);
        var command = new Command("loads", "List loads with their status, rows read, loaded and rejected, and errors.") { status };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            var loads = await pipeline.Warehouse.ListLoadsAsync(parseResult.GetValue(status), cancellationToken).ConfigureAwait(false);
            Write(context.Console, loads);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, IReadOnlyList<LoadRecord> loads)
    {
        if (loads.Count == 0)
        {
            console.MarkupLine("No loads.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("load").NoWrap()).AddColumn("status").AddColumn(new TableColumn("finished (UTC)").NoWrap()).AddColumn(new TableColumn("attempts").RightAligned())
            .AddColumn(new TableColumn("read").RightAligned()).AddColumn(new TableColumn("loaded").RightAligned())
            .AddColumn(new TableColumn("rejected").RightAligned()).AddColumn("source").AddColumn("error");
        foreach (var load in loads)
        {
            var counts = load.Datasets.Select(d => d.Counts).ToList();
            table.AddRow(
                Markup.Escape(load.LoadId),
                load.Status == LoadStatus.Loaded ? "[green]loaded[/]" : "[red]failed[/]",
                load.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                load.Attempts.ToString(CultureInfo.InvariantCulture),
                LoadOutcomeView.Number(counts.Sum(c => c.RowsRead)),
                LoadOutcomeView.Number(counts.Sum(c => c.RowsLoaded)),
                LoadOutcomeView.Number(counts.Sum(c => c.RowsRejected)),
                Markup.Escape(load.SourceSystem ?? string.Empty),
                Markup.Escape(load.Error ?? string.Empty));
        }

        console.Write(table);
    }
}
