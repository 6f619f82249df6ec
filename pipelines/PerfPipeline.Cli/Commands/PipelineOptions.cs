namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Calendar;

/// <summary>Options shared by the commands that use the local pipeline.</summary>
internal static class PipelineOptions
{
    public static Option<string> Database(CliContext context) => new("--db")
    {
        Description = "The SQLite warehouse file (created on first use); archive, quarantine and key live beside it.",
        DefaultValueFactory = _ => Path.Combine(context.DataFolder, LocalPipeline.DatabaseFileName),
        HelpName = "PATH",
    };

    /// <summary>A period code (<c>2019-20 Q2</c>, <c>2019-09</c>, <c>2019-20</c>); a malformed one is a usage error.</summary>
    public static Option<Period?> Period() => new("--period")
    {
        Description = "The period shown: 2019-20 Q2, 2019-09 or 2019-20 (default: the latest complete quarter of the newest batch).",
        HelpName = "CODE",
        CustomParser = result =>
        {
            var code = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (Calendar.Period.TryParse(code, out var period))
            {
                return period;
            }

            result.AddError(Calendar.Period.IsOutOfRange(code)
                ? $"'{code}' is outside the years {Calendar.Period.MinYear} to {Calendar.Period.MaxYear}: there are no figures for it."
                : $"'{code}' is not a period code (2019-09, 2019-20 Q2 or 2019-20).");
            return null;
        },
    };

    public static Option<string> Extracts() => new("--extracts")
    {
        Description = "The folder LAs drop batches into, as {la_code}/{as_at}/.",
        DefaultValueFactory = _ => LocalPipeline.DefaultExtracts,
        HelpName = "DIR",
    };
}
