namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Dashboard;
using PerfPipeline.Loading;
using PerfPipeline.Reference;

using Spectre.Console;

/// <summary><c>run</c>: loads every new batch, reports what it loaded, then prints the dashboard.</summary>
internal static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var extracts = PipelineOptions.Extracts();
        var warehouse = new WarehouseFlags(context);
        var period = PipelineOptions.Period();
        var json = new Option<string?>("--json") { Description = "Also write the dashboard's JSON to this file.", HelpName = "FILE" };
        var acceptShrink = new Option<bool>("--accept-shrink")
        {
            Description = "Load batches that empty an event dataset that held rows, or cut it by more than half (held otherwise); recorded in the audit.",
        };
        var timings = new Option<bool>("--timings")
        {
            Description = "Also print the seconds each batch spent per phase: read and validate, archive, load, indicators, indicator write.",
        };
        var command = new Command("run", "Load every batch not loaded yet (oldest as_at first), report the rows per dataset and print the dashboard.")
        {
            extracts,
            period,
            json,
            acceptShrink,
            timings,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, parseResult.GetValue(extracts), warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);

            // Reference files beside the batches (reference/ and {la}/reference/) first, so the batches' figures use them.
            var reference = Directory.Exists(parseResult.GetValue(extracts))
                ? await ReferenceCommand.ImportAsync(context.Console, pipeline.Warehouse, new LocalFolderReferenceSource(parseResult.GetValue(extracts)!), cancellationToken, quietWhenUnchanged: true)
                    .ConfigureAwait(false)
                : ExitCodes.Success;
            var outcomes = await LoadProgressView.LoadAsync(context.Console, pipeline.Loader, parseResult.GetValue(acceptShrink), cancellationToken).ConfigureAwait(false);
            WriteLoads(context.Console, outcomes);
            if (parseResult.GetValue(timings))
            {
                LoadProgressView.WriteTimings(context.Console, outcomes);
            }

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

            return reference != ExitCodes.Success ? reference : LoadOutcomeView.ExitCode(outcomes);
        });
        return command;
    }

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
