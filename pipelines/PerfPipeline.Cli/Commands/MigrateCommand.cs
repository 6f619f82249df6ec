namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using Spectre.Console;

/// <summary><c>migrate</c>: creates or upgrades the warehouse schema; the post-deploy step runs it on Azure SQL.</summary>
internal static class MigrateCommand
{
    public static Command Create(CliContext context)
    {
        var warehouse = new WarehouseFlags(context);
        var command = new Command(
            "migrate",
            "Create or upgrade the warehouse (the SQLite file, or Azure SQL with --sqlserver) and fill its calendar and indicator catalogue.");
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, null, warehouse.Target(parseResult), cancellationToken).ConfigureAwait(false);
            context.Console.MarkupLine($"Warehouse up to date: {Markup.Escape(pipeline.WarehouseDescription)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
