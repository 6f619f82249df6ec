namespace PerfPipeline.Tests.Cli;

using Microsoft.Extensions.Configuration;

using PerfPipeline.Cli;

using Spectre.Console;

/// <summary>The command line run in-process as a user runs it, with its console written to plain text.</summary>
internal static class CliInvocation
{
    /// <summary>A console that writes plain text to <paramref name="output"/>: no colour, no prompts, <paramref name="width"/> columns.</summary>
    public static IAnsiConsole PlainConsole(TextWriter output, int width = 250)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return console;
    }

    /// <summary>Runs <paramref name="args"/> with <paramref name="dataFolder"/> as the data folder; the exit code and everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> InvokeAsync(
        string[] args, string dataFolder, TimeProvider clock, int width = 250, IConfiguration? configuration = null)
    {
        using var output = new StringWriter();
        var context = new CliContext(configuration ?? new ConfigurationBuilder().Build(), clock, PlainConsole(output, width), dataFolder);
        var exitCode = await CommandLineApp.InvokeAsync(args, context, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString());
    }
}
