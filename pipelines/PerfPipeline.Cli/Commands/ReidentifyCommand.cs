namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Indicators.WorkDue;
using PerfPipeline.Privacy;

/// <summary>
/// <c>reidentify --ids FILE</c>: the work list as CSV with the LA's own identifiers beside the pseudonyms. Run inside the
/// LA, with its key and its own list of person and worker identifiers: each identifier's pseudonym is computed with the
/// key and joined on, so neither the key nor the identifiers go anywhere (docs/teams.md, Re-identification).
/// </summary>
internal static class ReidentifyCommand
{
    public static Command Create(CliContext context)
    {
        var ids = new Option<FileInfo>("--ids")
        {
            Description = "The LA's own identifiers (children's and workers' ids as the extract gives them), one per line.",
            HelpName = "FILE",
            Required = true,
        };
        var la = new Option<string?>("--la") { Description = "The LA code (default: the LA with the newest batch).", HelpName = "CODE" };
        var team = WorkListCommand.TeamOption();
        var output = new Option<FileInfo?>("--out") { Description = "Write the CSV here (default: the console).", HelpName = "FILE" };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("reidentify", "Print the work list as CSV with the LA's own identifiers joined on by their keyed pseudonyms.")
        {
            ids, la, team, output,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = warehouse.Target(parseResult);
            var key = ExistingKey(context, target);
            if (key is null)
            {
                await Console.Error.WriteLineAsync(
                    $"No pseudonymisation key: set {PseudonymisationKey.SettingName.Replace(":", "__", StringComparison.Ordinal)} or keep {PseudonymisationKey.KeyFileName} beside the warehouse. A new key would match nothing.")
                    .ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var file = parseResult.GetValue(ids)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"No identifier list at {file.FullName}.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            Reidentification identifiers;
            using (var reader = file.OpenText())
            {
                identifiers = Reidentification.Of(key, Reidentification.ReadIdentifiers(reader));
            }

            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, target, cancellationToken).ConfigureAwait(false);
            if (await WorkListCommand.ReadAsync(context, pipeline, parseResult.GetValue(la), parseResult.GetValue(team), cancellationToken).ConfigureAwait(false)
                is not var (list, names))
            {
                return ExitCodes.Rejected;
            }

            if (parseResult.GetValue(output) is { } path)
            {
                await using var writer = new StreamWriter(path.FullName);
                WorkListCsv.Write(writer, list, identifiers, names);
            }
            else
            {
                var writer = context.Console.Profile.Out.Writer;
                WorkListCsv.Write(writer, list, identifiers, names);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // The key the extracts were read with: configured, or the file beside the warehouse. Never a new one.
    private static PseudonymisationKey? ExistingKey(CliContext context, WarehouseTarget target)
    {
        var dataFolder = target.DatabasePath is { } database ? Path.GetDirectoryName(database)! : Path.GetFullPath(context.DataFolder);
        var keyFile = Path.Combine(dataFolder, PseudonymisationKey.KeyFileName);
        var configured = context.Configuration[PseudonymisationKey.SettingName];
        return string.IsNullOrWhiteSpace(configured) && !File.Exists(keyFile) ? null : PseudonymisationKey.Resolve(configured, keyFile);
    }
}
