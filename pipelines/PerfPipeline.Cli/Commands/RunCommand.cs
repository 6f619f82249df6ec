namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Dashboard;
using PerfPipeline.Loading;

using Spectre.Console;

/// <summary><c>run</c>: loads every new batch, reports what it loaded, then prints the dashboard.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var extracts = PipelineOptions.Extracts();
        var warehouse = new WarehouseOptions(context);
        var period = PipelineOptions.Period();
        var json = new Option<string?>("--json") { Description = "Also write the dashboard's JSON to this file.", HelpName = "FILE" };
        var acceptShrink = new Option<bool>("--accept-shrink")
        {
            Description = "Load batches that empty an event dataset that held rows, or cut it by more than half (held otherwise); recorded in the audit.",
        };
        var command = new Command("run", "Load every batch not loaded yet (oldest as_at first), report the rows per dataset and print the dashboard.")
        {
            extracts,
            period,
            json,
            acceptShrink,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, parseResult.GetValue(extracts)!, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            var outcomes = await LoadAsync(context.Console, pipeline.Loader, parseResult.GetValue(acceptShrink), cancellationToken).ConfigureAwait(false);
            WriteLoads(context.Console, outcomes);

            var readout = await DashboardQuery.ReadAsync(pipeline.Warehouse, period: parseResult.GetValue(period), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (readout is not null)
            {
                context.Console.WriteLine();
                DashboardTableView.Write(context.Console, readout.Dashboard);
                if (parseResult.GetValue(json) is { } file)
                {
                    await DashboardOutput.WriteJsonFileAsync(file, readout.Dashboard, cancellationToken).ConfigureAwait(false);
                    context.Console.MarkupLine($"Dashboard JSON written to {Markup.Escape(file)}.");
                }
            }

            return LoadOutcomeView.ExitCode(outcomes);
        });
        return command;
    }

    /// <summary>Loads with a progress bar on a terminal; redirected output gets only the results.</summary>
    private static Task<IReadOnlyList<LoadOutcome>> LoadAsync(IAnsiConsole console, BatchLoader loader, bool acceptShrink, CancellationToken cancellationToken) =>
        !console.Profile.Capabilities.Interactive
            ? loader.LoadNewBatchesAsync(null, acceptShrink, cancellationToken)
            : console.Progress().AutoClear(true).StartAsync(async progressContext =>
        {
            var task = progressContext.AddTask("Loading batches", autoStart: true);
            var progress = new Progress<LoadProgress>(p =>
            {
                task.MaxValue = p.Count;
                task.Value = p.Number - 1;
                task.Description = $"Loading {Markup.Escape(p.Batch.Path)} ({p.Number} of {p.Count})";
            });
            var outcomes = await loader.LoadNewBatchesAsync(progress, acceptShrink, cancellationToken).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return outcomes;
        });

    private static void WriteLoads(IAnsiConsole console, IReadOnlyList<LoadOutcome> outcomes)
    {
        var alreadyLoaded = outcomes.Count(o => o.Kind == LoadOutcomeKind.AlreadyLoaded);
        var worked = outcomes.Where(o => o.Kind != LoadOutcomeKind.AlreadyLoaded).ToList();
        if (worked.Count == 0)
        {
            console.MarkupLine($"No new batches: {alreadyLoaded} already loaded.");
            return;
        }

        LoadOutcomeView.Write(console, worked);
        console.MarkupLine(
            $"Loaded {Count(worked, LoadOutcomeKind.Loaded)}, rejected {Count(worked, LoadOutcomeKind.Rejected)}, " +
            $"failed {Count(worked, LoadOutcomeKind.Failed)}; {alreadyLoaded} already loaded." +
            (Count(worked, LoadOutcomeKind.NeedsConfirmation) is > 0 and var held ? $" {held} held: see above, then run --accept-shrink if right." : string.Empty));
    }

    private static int Count(IEnumerable<LoadOutcome> outcomes, LoadOutcomeKind kind) => outcomes.Count(o => o.Kind == kind);
}
