namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

using Spectre.Console;

/// <summary><c>perfpipeline validate BATCH_DIR [--report FILE]</c>: checks one batch against the contract without loading it.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var batchFolder = new Argument<DirectoryInfo>("BATCH_DIR")
        {
            Description = "The batch folder, {la_code}/{as_at}/, holding manifest.json and the dataset CSVs",
        };
        var reportFile = new Option<FileInfo?>("--report")
        {
            Description = "Where to write the JSON error report (default: data/reports/{la}-{as_at}-errors.json)",
        };
        var command = new Command("validate", "Check one batch against the extract contract without loading it; exit 1 when it would be rejected")
        {
            batchFolder,
            reportFile,
        };

        // The warehouse's data folder holds the key its pseudonyms come from: the report's pseudonyms match the warehouse's.
        var warehouse = new WarehouseFlags(context);
        warehouse.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context, parseResult.GetRequiredValue(batchFolder), parseResult.GetValue(reportFile), warehouse.Target(parseResult), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        CliContext context, DirectoryInfo batchFolder, FileInfo? reportFile, WarehouseTarget? warehouse = null, CancellationToken cancellationToken = default)
    {
        var console = context.Console;
        if (!batchFolder.Exists)
        {
            console.MarkupLineInterpolated($"[red]No such folder:[/] {batchFolder.FullName}");
            return ExitCodes.Usage;
        }

        var laFolder = batchFolder.Parent;
        if (laFolder?.Parent is not { } extractsRoot
            || !DateOnly.TryParseExact(batchFolder.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt))
        {
            console.MarkupLineInterpolated($"[red]Not a batch folder:[/] {batchFolder.FullName} (expected {{la_code}}/{{as_at}}/, e.g. 872/2019-09-30)");
            return ExitCodes.Usage;
        }

        var batch = new BatchLocation(laFolder.Name, asAt);

        // Read as a load would, with the same settings (key, MaxRejectedRowShare), but nothing is archived or stored.
        var pipeline = LocalPipeline.Create(context, extractsRoot.FullName, warehouse ?? WarehouseTarget.Configured);
        var reportPath = reportFile?.FullName
            ?? Path.GetFullPath(Path.Combine(pipeline.DataFolder, "reports", $"{batch.LaCode}-{batch.AsAt:yyyy-MM-dd}-errors.json"));
        if (IsInside(reportPath, batchFolder.FullName))
        {
            console.MarkupLine("[red]The report may not be written inside the LA's batch folder.[/]");
            return ExitCodes.Usage;
        }

        var extract = await pipeline.Reader.ReadAsync(pipeline.Source, batch, cancellationToken);
        var report = ValidationReport.Create(batch, extract);

        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        await File.WriteAllTextAsync(reportPath, report.Json, cancellationToken);

        console.WriteLine(report.Summary);
        console.WriteLine($"Error report: {reportPath}");
        if (report.CodeMapDraft is { } draft)
        {
            // Beside the report, never in the LA's folder: edit it, copy it to {extracts}/{la}/reference/, import, replay.
            var draftPath = Path.Combine(Path.GetDirectoryName(reportPath)!, $"{batch.LaCode}-{batch.AsAt:yyyy-MM-dd}-{UnmappedValues.DraftFileName}");
            await File.WriteAllTextAsync(draftPath, draft, cancellationToken);
            console.WriteLine($"Code map to fill in: {draftPath}");
        }

        console.MarkupLine(extract.IsRejected ? "[red bold]REJECTED[/]" : "[green bold]ACCEPTED[/]");
        return extract.IsRejected ? ExitCodes.Rejected : ExitCodes.Success;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
