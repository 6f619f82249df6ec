namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;

using PerfPipeline.Batches;
using PerfPipeline.Loading;

using Spectre.Console;

/// <summary>
/// <c>purge [--dry-run]</c>: removes the archive and quarantine copies older than the retention period
/// (<c>PerfPipeline__Retention__Months</c>, default 13) and records each removal in the audit.
/// </summary>
internal static class PurgeCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "List the copies that would be removed; remove nothing." };
        var warehouse = new WarehouseFlags(context);
        var command = new Command(
            "purge",
            "Remove archive and quarantine copies of batches older than the retention period (PerfPipeline__Retention__Months, default 13); each removal is recorded in the audit, and those loads can no longer be replayed.")
        {
            dryRun,
        };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, null, warehouse.Target(parseResult), cancellationToken).ConfigureAwait(false);
            var purge = pipeline.Services.GetRequiredService<RetentionPurge>();
            var cutoff = purge.Cutoff.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var rule = $"written before {cutoff} UTC (kept {purge.RetentionMonths} months)";
            IReadOnlyList<BatchCopy> copies = parseResult.GetValue(dryRun)
                ? await purge.FindExpiredAsync(cancellationToken).ConfigureAwait(false)
                : [.. (await purge.PurgeAsync(cancellationToken).ConfigureAwait(false))
                    .Select(p => new BatchCopy(p.Kind, new BatchLocation(p.LaCode, p.AsAt), p.LoadId, p.CopiedAt))];
            if (copies.Count == 0)
            {
                context.Console.MarkupLine($"Nothing to purge: no copy was {Markup.Escape(rule)}.");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("copy").AddColumn("batch").AddColumn(new TableColumn("load").NoWrap()).AddColumn("written (UTC)");
            foreach (var copy in copies)
            {
                table.AddRow(
                    copy.Kind == BatchCopyKind.Archive ? "archive" : "quarantine",
                    Markup.Escape(copy.Batch.Path),
                    Markup.Escape(copy.LoadId),
                    copy.CopiedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            }

            context.Console.Write(table);
            context.Console.MarkupLine(parseResult.GetValue(dryRun)
                ? $"Would purge {copies.Count} copies {Markup.Escape(rule)}; run without --dry-run to remove them."
                : $"Purged {copies.Count} copies {Markup.Escape(rule)}; recorded in the audit. Those loads can no longer be replayed.");
            return ExitCodes.Success;
        });
        return command;
    }
}
