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
        var warehouse = new WarehouseOptions(context);
        warehouse.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context with { DataFolder = warehouse.Target(parseResult).DataFolder(context) },
            parseResult.GetRequiredValue(batchFolder), parseResult.GetValue(reportFile), cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(CliContext context, DirectoryInfo batchFolder, FileInfo? reportFile, CancellationToken cancellationToken = default)
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
        var reportPath = reportFile?.FullName
            ?? Path.GetFullPath(Path.Combine(context.DataFolder, "reports", $"{batch.LaCode}-{batch.AsAt:yyyy-MM-dd}-errors.json"));
        if (IsInside(reportPath, batchFolder.FullName))
        {
            console.MarkupLine("[red]The report may not be written inside the LA's batch folder.[/]");
            return ExitCodes.Usage;
        }

        var source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions { ExtractsRoot = extractsRoot.FullName });
        var reader = new ExtractReader(context.PseudonymisationKey(), context.TimeProvider, context.ExtractReaderOptions());
        var extract = await reader.ReadAsync(source, batch, cancellationToken);
        var report = ValidationReport.Create(batch, extract);

        Directory.CreateDirectory(Path.GetDirectoryName(reportPath)!);
        await File.WriteAllTextAsync(reportPath, report.Json, cancellationToken);

        console.WriteLine(report.Summary);
        console.WriteLine($"Error report: {reportPath}");
        console.MarkupLine(extract.IsRejected ? "[red bold]REJECTED[/]" : "[green bold]ACCEPTED[/]");
        return extract.IsRejected ? ExitCodes.Rejected : ExitCodes.Success;
    }

    private static bool IsInside(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
