namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Reporting;

/// <summary>
/// <c>commentary set|show|import</c>: the officers' text of a report, kept in the warehouse. <c>show</c> prints the
/// Markdown file <c>import</c> reads, so an analyst can show, edit in any editor and import again.
/// </summary>
internal static class CommentaryCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("commentary", "Officers' commentary for the quarterly report: set, show or import a Markdown file.");
        command.Subcommands.Add(Set(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Import(context));
        return command;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<string>("FILE") { Description = "The Markdown file (header: la, period, author, status; # item, ## section)." };
        var warehouse = new WarehouseOptions(context);
        var command = new Command("import", "Import a report's commentary from a Markdown file; the drafted sentences are never touched.") { file };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            CommentaryFile parsed;
            try
            {
                parsed = CommentaryMarkdown.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
            }
            catch (Exception exception) when (exception is FormatException or IOException)
            {
                await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
                return ExitCodes.Rejected;
            }

            var target = warehouse.Target(parseResult);
            await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, target, cancellationToken).ConfigureAwait(false);
            var now = context.TimeProvider.GetUtcNow();
            await target.Commentary().SaveAsync(
                [.. parsed.Sections.Select(s => new Commentary(parsed.LaCode, parsed.Period, s.Item, s.Section, s.Text, s.Author, now, s.Status))],
                cancellationToken).ConfigureAwait(false);
            await context.Console.Profile.Out.Writer.WriteLineAsync(
                $"Imported {parsed.Sections.Count} section(s) of commentary for LA {parsed.LaCode}, {parsed.Period}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var period = PipelineOptions.Period();
        period.Required = true;
        var la = new Option<string>("--la") { Description = "The LA code.", DefaultValueFactory = _ => "872", HelpName = "CODE" };
        var warehouse = new WarehouseOptions(context);
        var command = new Command("show", "Print a report's commentary as the Markdown file import reads.") { period, la };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = warehouse.Target(parseResult);
            await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, target, cancellationToken).ConfigureAwait(false);
            var code = parseResult.GetValue(period)!.Value.Code;
            var written = await target.Commentary().ReadAsync(parseResult.GetValue(la)!, code, cancellationToken).ConfigureAwait(false);
            await context.Console.Profile.Out.Writer.WriteAsync(CommentaryMarkdown.Write(parseResult.GetValue(la)!, code, written)).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Set(CliContext context)
    {
        var period = PipelineOptions.Period();
        period.Required = true;
        var la = new Option<string>("--la") { Description = "The LA code.", DefaultValueFactory = _ => "872", HelpName = "CODE" };
        var item = new Option<int>("--item") { Description = "The dashboard item, 1 to 8.", Required = true, HelpName = "N" };
        var section = new Option<string>("--section")
        {
            Description = "what_it_shows, background, action or national_context.",
            Required = true,
            HelpName = "SECTION",
        };
        var text = new Option<string>("--text") { Description = "The text (Markdown paragraphs).", Required = true };
        var author = new Option<string>("--author") { Description = "Who wrote it.", Required = true };
        var status = new Option<string>("--status") { Description = "draft or approved.", DefaultValueFactory = _ => "draft" };
        var warehouse = new WarehouseOptions(context);
        var command = new Command("set", "Set the officers' text of one section of one item.") { period, la, item, section, text, author, status };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!ReportSections.TryParse(parseResult.GetValue(section), out var chosen) || parseResult.GetValue(item) is < 1 or > 8)
            {
                await Console.Error.WriteLineAsync("--item is 1 to 8 and --section one of what_it_shows, background, action, national_context.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            CommentaryStatus parsedStatus;
            try
            {
                parsedStatus = CommentaryMarkdown.ParseStatus(parseResult.GetValue(status), "--status", 0);
            }
            catch (FormatException)
            {
                await Console.Error.WriteLineAsync("--status is draft or approved.").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var target = warehouse.Target(parseResult);
            await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, target, cancellationToken).ConfigureAwait(false);
            await target.Commentary().SaveAsync(
                [new Commentary(parseResult.GetValue(la)!, parseResult.GetValue(period)!.Value.Code, parseResult.GetValue(item), chosen,
                    parseResult.GetValue(text)!, parseResult.GetValue(author)!, context.TimeProvider.GetUtcNow(), parsedStatus)],
                cancellationToken).ConfigureAwait(false);
            await context.Console.Profile.Out.Writer.WriteLineAsync("Saved.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
