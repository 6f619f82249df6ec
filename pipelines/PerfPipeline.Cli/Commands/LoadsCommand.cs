namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Loading;
using PerfPipeline.Warehouse;

using Spectre.Console;

/// <summary><c>loads</c>: the audit of every load, newest first.</summary>
internal static class LoadsCommand
{
    public static Command Create(CliContext context)
    {
        var status = new Option<LoadStatus?>("--status")
        {
            Description = "Only loads with this status.",
            HelpName = string.Join('|', LoadHistory.StatusCodes),
            CustomParser = result =>
            {
                var code = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (LoadHistory.TryParseStatus(code, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"'{code}' is not a load status: use {string.Join(", ", LoadHistory.StatusCodes)}.");
                return null;
            },
        };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("loads", "List loads and rejected or held batches with their status, rows read, loaded and rejected, and errors.") { status };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, null, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            var loads = await new LoadHistory(pipeline.Warehouse, pipeline.Source).ListAsync(parseResult.GetValue(status), cancellationToken).ConfigureAwait(false);
            Write(context.Console, loads);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Status(LoadStatus status) => status switch
    {
        LoadStatus.Loaded => "[green]loaded[/]",
        LoadStatus.NeedsConfirmation => "[yellow]needs_confirmation[/]",
        _ => $"[red]{LoadHistory.StatusCode(status)}[/]",
    };

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
                Status(load.Status),
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
