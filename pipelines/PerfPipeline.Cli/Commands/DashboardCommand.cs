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
        var team = WorkListCommand.TeamOption();
        var warehouse = new WarehouseOptions(context);
        var command = new Command("dashboard", "Print the dashboard from the warehouse (no loading); with --team, one team's.") { period, la, team, format };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            var readout = await DashboardQuery.ReadAsync(
                pipeline.Warehouse, parseResult.GetValue(la), parseResult.GetValue(period), parseResult.GetValue(team), cancellationToken).ConfigureAwait(false);
            if (readout is null)
            {
                await context.Console.Profile.Out.Writer.WriteLineAsync(
                    parseResult.GetValue(team) is { } teamKey ? $"No figures for team {teamKey}: its key is the extract's team value."
                    : parseResult.GetValue(la) is { } code ? $"No loads for LA {code}." : "No loads yet: run first.").ConfigureAwait(false);
                return ExitCodes.Rejected;
            }

            DashboardOutput.Write(context.Console, readout, parseResult.GetValue(format));
            return ExitCodes.Success;
        });
        return command;
    }
}
