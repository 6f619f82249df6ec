namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Dashboard;
using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

using Spectre.Console;

/// <summary><c>worklist</c>: the work due and overdue as at the newest batch, from the warehouse (pseudonyms only).</summary>
internal static class WorkListCommand
{
    public static Command Create(CliContext context)
    {
        var la = new Option<string?>("--la") { Description = "The LA code (default: the LA with the newest batch).", HelpName = "CODE" };
        var team = TeamOption();
        var format = new Option<WorkListFormat>("--format")
        {
            Description = "table, or csv (one row per item, for a spreadsheet; reidentify adds the LA's identifiers).",
            DefaultValueFactory = _ => WorkListFormat.Table,
            HelpName = "table|csv",
        };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("worklist", "Print the work due and overdue (visits, assessments, CP plans at 18 months, return home interviews).")
        {
            la, team, format,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            if (await ReadAsync(context, pipeline, parseResult.GetValue(la), parseResult.GetValue(team), cancellationToken).ConfigureAwait(false)
                is not var (list, names))
            {
                return ExitCodes.Rejected;
            }

            if (parseResult.GetValue(format) == WorkListFormat.Csv)
            {
                var output = context.Console.Profile.Out.Writer;
                WorkListCsv.Write(output, list, names: names);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                Write(context.Console, list, parseResult.GetValue(team), names);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Option<string?> TeamOption() => new("--team")
    {
        Description = $"Only this team (its key: the team value of the extract, e.g. a name or department id; {TeamKeys.NoTeamRecorded} for no team recorded).",
        HelpName = "TEAM",
    };

    /// <summary>
    /// The LA's current work list, only the team's items when one is named, with the LA's team names; null (after saying
    /// why) when there is none.
    /// </summary>
    public static async Task<(WorkList List, TeamNames Names)?> ReadAsync(
        CliContext context, LocalPipeline pipeline, string? laCode, string? team, CancellationToken cancellationToken)
    {
        var la = DashboardQuery.ChooseLocalAuthority(await pipeline.Warehouse.ListLocalAuthoritiesAsync(cancellationToken).ConfigureAwait(false), laCode);
        var list = la is null ? null : await pipeline.Warehouse.ReadCurrentWorkListAsync(la.LaCode, cancellationToken).ConfigureAwait(false);
        if (list is null)
        {
            await context.Console.Profile.Out.Writer.WriteLineAsync(laCode is { } code ? $"No loads for LA {code}." : "No loads yet: run first.").ConfigureAwait(false);
            return null;
        }

        var names = await pipeline.Warehouse.ReadTeamNamesAsync(la!.LaCode, cancellationToken).ConfigureAwait(false);
        return (list.ForTeam(team is null ? null : TeamKeys.Of(team)), names);
    }

    private static void Write(IAnsiConsole console, WorkList list, string? team, TeamNames names)
    {
        console.MarkupLine(Markup.Escape(
            $"Work due and overdue as at {list.AsAt:yyyy-MM-dd}, LA {list.LaCode}{(team is null ? string.Empty : $", team {names.Label(TeamKeys.Of(team))}")}: {list.Items.Count} items"));
        if (list.Items.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("days overdue").RightAligned()).AddColumn(new TableColumn("due").NoWrap()).AddColumn("work")
            .AddColumn("team").AddColumn(new TableColumn("worker").NoWrap()).AddColumn(new TableColumn("child").NoWrap()).AddColumn("item");
        foreach (var item in list.Items)
        {
            table.AddRow(
                item.DaysOverdue.ToString(CultureInfo.InvariantCulture),
                item.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape(WorkItemKinds.Label(item.Kind)),
                Markup.Escape(names.Label(item.TeamKey)),
                Markup.Escape(item.WorkerKey ?? "-"),
                Markup.Escape(item.PersonKey),
                Markup.Escape(item.ItemId));
        }

        console.Write(table);
    }
}

/// <summary>How <c>worklist</c> prints.</summary>
internal enum WorkListFormat
{
    Table,
    Csv,
}
