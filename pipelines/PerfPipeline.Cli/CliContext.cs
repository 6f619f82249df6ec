namespace PerfPipeline.Cli;

using Microsoft.Extensions.Configuration;

using Spectre.Console;

/// <summary>
/// What commands need from their surroundings: configuration (environment variables such as
/// <c>PerfPipeline__PseudonymisationKey</c>), the clock, the console and the local data folder. Tests supply their own.
/// </summary>
internal sealed record CliContext(IConfiguration Configuration, TimeProvider TimeProvider, IAnsiConsole Console, string DataFolder)
{
    /// <summary>The local data folder of a clone: warehouse, generated key, reports, archive and quarantine.</summary>
    public const string DefaultDataFolder = "data";

    public static CliContext CreateDefault()
    {
        // Redirected output (logs, CI) gets plain text: no colour codes, no wrapping at 80 columns.
        var redirected = System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect });
        if (redirected)
        {
            console.Profile.Width = short.MaxValue;
        }

        return new(new ConfigurationBuilder().AddEnvironmentVariables().Build(), TimeProvider.System, console, DefaultDataFolder);
    }
}
