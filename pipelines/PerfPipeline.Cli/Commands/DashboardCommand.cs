namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Dashboard;

/// <summary><c>dashboard</c>: prints the dashboard from the warehouse, without loading anything.</summary>
internal static class DashboardCommand
{
    public static Command Create(CliContext context)
    {
        var period = PipelineOptions.Period();
        var la = new Option<string?>("--la") { Description = "The LA code (default: the LA with the newest batch).", HelpName = "CODE" };
        var format = new Option<DashboardFormat>("--format")
        {
            Description = "table (like the published dashboard), json (as the endpoint serves it) or html (the page).",
            DefaultValueFactory = _ => DashboardFormat.Table,
            HelpName = "table|json|html",
        };
        var threshold = ReportCommand.SmallNumberThreshold();
        var team = WorkListCommand.TeamOption();
        var warehouse = new WarehouseFlags(context);
        var command = new Command("dashboard", "Print the dashboard from the warehouse (no loading); with --team, one team's.")
        {
            period, la, team, format, threshold,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = warehouse.Target(parseResult);
            var pipeline = await LocalPipeline.OpenAsync(context, null, target, cancellationToken).ConfigureAwait(false);
            var readout = parseResult.GetValue(team) is { } teamKey
                ? await DashboardQuery.ReadAsync(pipeline.Warehouse, parseResult.GetValue(la), parseResult.GetValue(period), teamKey, cancellationToken)
                    .ConfigureAwait(false)
                : await DashboardQuery.ReadAsync(
                    pipeline.Warehouse, parseResult.GetValue(la), parseResult.GetValue(period), pipeline.Commentary(), parseResult.GetValue(threshold), cancellationToken)
                    .ConfigureAwait(false);
            if (readout is null)
            {
                await context.Console.Profile.Out.Writer.WriteLineAsync(
                    parseResult.GetValue(team) is { } unknownTeam ? $"No figures for team {unknownTeam}: its key is the extract's team value."
                    : parseResult.GetValue(la) is { } code ? $"No loads for LA {code}." : "No loads yet: run first.").ConfigureAwait(false);
                return ExitCodes.Rejected;
            }

            DashboardOutput.Write(context.Console, readout, parseResult.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }
}
