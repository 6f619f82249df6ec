namespace PerfPipeline.Cli.Commands;

using System.CommandLine;

using PerfPipeline.Dashboard;
using PerfPipeline.Reporting;

/// <summary>The formats <c>report</c> writes.</summary>
internal enum ReportFormat
{
    Docx,
    Html,
}

/// <summary>
/// <c>report</c>: the quarterly report of one LA and period as a Word document or a printable HTML page: each item's
/// table with RAG and the England column, its trend charts, drafted sentences and the officers' commentary.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var period = PipelineOptions.Period();
        var la = new Option<string?>("--la") { Description = "The LA code (default: the LA with the newest batch).", HelpName = "CODE" };
        var format = new Option<ReportFormat>("--format")
        {
            Description = "docx (Word) or html (the page, with print styles).",
            DefaultValueFactory = _ => ReportFormat.Docx,
            HelpName = "docx|html",
        };
        var output = new Option<string?>("--out") { Description = "The file to write (default: report-{la}-{period}.{docx|html} in the current folder).", HelpName = "FILE" };
        var threshold = SmallNumberThreshold();
        var warehouse = new WarehouseFlags(context);
        var command = new Command("report", "Write the quarterly report (DOCX or HTML) from the warehouse.") { period, la, format, output, threshold };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var target = warehouse.Target(parseResult);
            var pipeline = await LocalPipeline.OpenAsync(context, null, target, cancellationToken).ConfigureAwait(false);
            var readout = await DashboardQuery.ReadAsync(
                pipeline.Warehouse, parseResult.GetValue(la), parseResult.GetValue(period), pipeline.Commentary(), parseResult.GetValue(threshold), cancellationToken)
                .ConfigureAwait(false);
            var writer = context.Console.Profile.Out.Writer;
            if (readout is null)
            {
                await writer.WriteLineAsync(parseResult.GetValue(la) is { } code ? $"No loads for LA {code}." : "No loads yet: run first.").ConfigureAwait(false);
                return ExitCodes.Rejected;
            }

            var chosen = parseResult.GetValue(format);
            var dashboard = readout.Dashboard;
            var file = parseResult.GetValue(output)
                ?? $"report-{dashboard.LaCode}-{dashboard.Period.Replace(' ', '-')}.{(chosen == ReportFormat.Docx ? "docx" : "html")}";
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            var trends = DashboardTrends.Quarterly(readout.Values);
            var stream = File.Create(file);
            await using (stream.ConfigureAwait(false))
            {
                if (chosen == ReportFormat.Docx)
                {
                    ReportDocx.Write(stream, dashboard, trends);
                }
                else
                {
                    var html = System.Text.Encoding.UTF8.GetBytes(DashboardPage.Render(dashboard, trends));
                    await stream.WriteAsync(html, cancellationToken).ConfigureAwait(false);
                }
            }

            await writer.WriteLineAsync($"Wrote the {dashboard.Period} report for {dashboard.LaName ?? dashboard.LaCode} to {file}.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Option<int> SmallNumberThreshold() => new("--small-number-threshold")
    {
        Description = "Flag a percentage or average over fewer cases than this (default 30).",
        DefaultValueFactory = _ => SmallNumbers.DefaultThreshold,
        HelpName = "N",
    };
}
