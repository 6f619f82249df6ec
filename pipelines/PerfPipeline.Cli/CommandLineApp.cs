namespace PerfPipeline.Cli;

using System.CommandLine;

using PerfPipeline.Cli.Commands;

using Spectre.Console;

/// <summary>The <c>perfpipeline</c> command line: its commands, and how a command line becomes an exit code.</summary>
internal static class CommandLineApp
{
    public static RootCommand CreateRoot(IAnsiConsole console, TimeProvider timeProvider)
    {
        var root = new RootCommand("PerfPipeline: children's services performance indicators from SSD extract batches.");

        // Each command lives in Commands/ and is added here.
        root.Subcommands.Add(RunCommand.Create(console, timeProvider));
        root.Subcommands.Add(LoadsCommand.Create(console, timeProvider));
        root.Subcommands.Add(ReplayCommand.Create(console, timeProvider));
        return root;
    }

    /// <summary>Exit codes (docs/spec/interfaces.md): 0 success, 1 rejected input or failed load, 2 usage error.</summary>
    public static async Task<int> InvokeAsync(string[] args, IAnsiConsole console, TimeProvider timeProvider, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRoot(console, timeProvider).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            return 2;
        }

        return await parseResult.InvokeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
