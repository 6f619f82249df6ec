namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

/// <summary>Options shared by the commands that use the local pipeline.</summary>
internal static class PipelineOptions
{
    public static Option<string> Database(CliContext context) => new("--db")
    {
        Description = "The SQLite warehouse file (created on first use); archive, quarantine and key live beside it.",
        DefaultValueFactory = _ => Path.Combine(context.DataFolder, LocalPipeline.DatabaseFileName),
        HelpName = "PATH",
    };

    public static Option<string> Extracts() => new("--extracts")
    {
        Description = "The folder LAs drop batches into, as {la_code}/{as_at}/.",
        DefaultValueFactory = _ => LocalPipeline.DefaultExtracts,
        HelpName = "DIR",
    };
}
