namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Loading;

using Spectre.Console;

/// <summary><c>replay LOAD_ID</c> / <c>replay --failed</c>: reruns loads from their archived copy.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliContext context)
    {
        var loadId = new Argument<string?>("LOAD_ID") { Description = "The load to rerun (see `loads`).", Arity = ArgumentArity.ZeroOrOne };
        var failed = new Option<bool>("--failed") { Description = "Rerun every load recorded as failed." };
        var force = new Option<bool>("--force")
        {
            Description = "Load a batch held for emptying or more than halving an event dataset (needs confirmation); recorded in the audit.",
        };
        var asCurrent = new Option<bool>("--as-current")
        {
            Description = "Make the load's event datasets the LA's current data again, even where a batch with a later as_at replaced them (e.g. restoring what a wrongly accepted header-only file wiped); recorded in the audit.",
        };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("replay", "Rerun a load, or every failed load, from its archived copy.") { loadId, failed, force, asCurrent };
        warehouse.AddTo(command);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(loadId) is null) == !result.GetValue(failed))
            {
                result.AddError("Give either a LOAD_ID or --failed.");
            }

            if (result.GetValue(failed) && result.GetValue(asCurrent))
            {
                result.AddError("--as-current restores one load: give its LOAD_ID, not --failed.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, null, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            IReadOnlyList<LoadOutcome> outcomes = parseResult.GetValue(loadId) is { } id
                ? [await pipeline.Loader.ReplayAsync(id, parseResult.GetValue(force), parseResult.GetValue(asCurrent), cancellationToken).ConfigureAwait(false)]
                : await pipeline.Loader.ReplayFailedAsync(cancellationToken).ConfigureAwait(false);
            if (outcomes.Count == 0)
            {
                context.Console.MarkupLine("No failed loads.");
                return ExitCodes.Success;
            }

            LoadOutcomeView.Write(context.Console, outcomes);
            return LoadOutcomeView.ExitCode(outcomes);
        });
        return command;
    }
}
