namespace PerfPipeline.Cli;

using System.CommandLine;

using Microsoft.Extensions.Options;

using PerfPipeline.Cli.Commands;

/// <summary>The <c>perfpipeline</c> command line: its commands, and how a command line becomes an exit code.</summary>
internal static class CommandLineApp
{
    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("PerfPipeline: children's services performance indicators from SSD extract batches.");

        // Each command lives in Commands/ and is added here.
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ManifestCommand.Create(context));
        root.Subcommands.Add(DashboardCommand.Create(context));
        root.Subcommands.Add(WorkListCommand.Create(context));
        root.Subcommands.Add(ReidentifyCommand.Create(context));
        root.Subcommands.Add(LoadsCommand.Create(context));
        root.Subcommands.Add(ReplayCommand.Create(context));
        root.Subcommands.Add(PurgeCommand.Create(context));
        root.Subcommands.Add(ServeCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create(context));
        root.Subcommands.Add(ReferenceCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(CommentaryCommand.Create(context));
        return root;
    }

    /// <summary>Exit codes (docs/spec/interfaces.md): 0 success, 1 rejected input or failed load, 2 usage error.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRoot(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            // A setting missing or out of range (the same checks the Functions app runs on start): name it, no stack trace.
            foreach (var failure in e.Failures)
            {
                await Console.Error.WriteLineAsync(failure).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }
        catch (InvalidDataException e)
        {
            // A setting or file the command needs is unusable (a damaged key file): one line, no stack trace.
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Rejected;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // As System.CommandLine's own handler: anything unexpected is shown whole, for the bug report.
            await Console.Error.WriteLineAsync($"Unhandled exception: {e}").ConfigureAwait(false);
            return ExitCodes.Rejected;
        }
    }
}
