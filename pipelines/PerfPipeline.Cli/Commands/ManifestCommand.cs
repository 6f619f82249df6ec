namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;

using Spectre.Console;

/// <summary>
/// <c>perfpipeline manifest BATCH_DIR [--la CODE] [--as-at DATE] [--source-system NAME] …</c>: writes <c>manifest.json</c>
/// for a folder of exported SSD tables (SSD defines no file convention), then checks the folder as <c>validate</c> does.
/// </summary>
internal static class ManifestCommand
{
    public static Command Create(CliContext context)
    {
        var batchFolder = new Argument<DirectoryInfo>("BATCH_DIR")
        {
            Description = "The folder of exported CSVs, laid out as {la_code}/{as_at}/ under the extracts folder (e.g. extracts/872/2024-03-31)",
        };
        var laCode = new Option<string?>("--la") { Description = "The LA's code (default: the folder's parent, which it must match)", HelpName = "CODE" };
        var asAt = new Option<string?>("--as-at") { Description = "The date the extract is true at, yyyy-MM-dd (default: the folder's name, which it must match)", HelpName = "DATE" };
        var laName = new Option<string?>("--la-name") { Description = "The LA's name, e.g. Wokingham", HelpName = "NAME" };
        var sourceSystem = new Option<string?>("--source-system") { Description = "The case-management system, as SSD names it: SystemC, Mosaic, Eclipse, CareDirector, Azeus", HelpName = "NAME" };
        var ssdVersion = new Option<string?>("--ssd-version") { Description = "The SSD release the tables were built with, e.g. 1.4.5", HelpName = "VERSION" };
        var force = new Option<bool>("--force") { Description = "Replace a manifest.json the folder already has" };
        var reportFile = new Option<FileInfo?>("--report") { Description = "Where to write the JSON error report (default: data/reports/{la}-{as_at}-errors.json)" };
        var command = new Command("manifest", "Write manifest.json for a folder of exported SSD CSVs (rows, sha256), then check the folder as validate does")
        {
            batchFolder, laCode, asAt, laName, sourceSystem, ssdVersion, force, reportFile,
        };

        var warehouse = new WarehouseFlags(context);
        warehouse.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            context,
            parseResult.GetRequiredValue(batchFolder),
            new ManifestRequest(
                parseResult.GetValue(laCode), parseResult.GetValue(asAt), parseResult.GetValue(laName),
                parseResult.GetValue(sourceSystem), parseResult.GetValue(ssdVersion), parseResult.GetValue(force)),
            parseResult.GetValue(reportFile),
            warehouse.Target(parseResult),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, DirectoryInfo batchFolder, ManifestRequest request, FileInfo? reportFile, WarehouseTarget warehouse, CancellationToken cancellationToken)
    {
        var console = context.Console;
        if (!batchFolder.Exists)
        {
            console.MarkupLineInterpolated($"[red]No such folder:[/] {batchFolder.FullName}");
            return ExitCodes.Usage;
        }

        // run and validate find a batch by its place, so the manifest is only written where they will look.
        BatchLocation? batch = null;
        if (batchFolder.Parent?.Parent is null
            || !BatchLocation.TryParseManifestPath($"{batchFolder.Parent.Name}/{batchFolder.Name}/{BatchManifest.FileName}", out batch))
        {
            console.MarkupLineInterpolated(
                $"[red]Not a batch folder:[/] {batchFolder.FullName}. Export into {{extracts}}/{{la_code}}/{{as_at}}/ (e.g. extracts/872/2024-03-31) and run manifest there.");
            return ExitCodes.Usage;
        }

        if (request.Mismatch(batch) is { } mismatch)
        {
            console.MarkupLineInterpolated($"[red]{mismatch}[/]");
            return ExitCodes.Usage;
        }

        if (File.Exists(Path.Combine(batchFolder.FullName, BatchManifest.FileName)) && !request.Force)
        {
            console.MarkupLineInterpolated($"[red]{batchFolder.FullName} already has a manifest.json;[/] give --force to replace it.");
            return ExitCodes.Usage;
        }

        var inventory = BatchInventory.Of(batchFolder.EnumerateFiles().Select(f => f.Name));
        foreach (var table in inventory.OtherSsdTables)
        {
            console.WriteLine($"  {table}: an SSD table the indicators do not use; not listed, never read or copied");
        }

        foreach (var (file, why) in inventory.Unrecognised)
        {
            console.WriteLine($"  {file}: not listed ({why})");
        }

        if (inventory.Datasets.Count == 0)
        {
            console.MarkupLine("[red]No file in the folder is a contract dataset[/] (e.g. ssd_person.csv, ssd_cin_episodes.csv); no manifest written.");
            return ExitCodes.Rejected;
        }

        var pipeline = LocalPipeline.Create(context, batchFolder.Parent!.Parent!.FullName, warehouse);
        var listing = new BatchManifest(batch.LaCode, request.LaName, batch.AsAt, request.SourceSystem, inventory.Datasets, request.SsdVersion);
        var manifest = await ManifestDraft.CreateAsync(pipeline.Reader, pipeline.Source, batch, listing, cancellationToken).ConfigureAwait(false);
        await ManifestWriter.WriteFileAsync(batchFolder.FullName, manifest, cancellationToken).ConfigureAwait(false);

        foreach (var dataset in manifest.Datasets)
        {
            console.WriteLine($"  {dataset.File}: {dataset.Name}, {dataset.Rows:N0} rows");
        }

        console.WriteLine($"Wrote {Path.Combine(batchFolder.FullName, BatchManifest.FileName)}: {manifest.Datasets.Count} datasets. Checking the batch:");
        return await ValidateCommand.RunAsync(context, batchFolder, reportFile, warehouse, cancellationToken).ConfigureAwait(false);
    }

    private sealed record ManifestRequest(string? LaCode, string? AsAt, string? LaName, string? SourceSystem, string? SsdVersion, bool Force)
    {
        /// <summary>Why the flags disagree with the folder's place, or null when they agree.</summary>
        public string? Mismatch(BatchLocation batch)
        {
            if (LaCode is not null && LaCode != batch.LaCode)
            {
                return $"--la {LaCode} does not match the folder's LA, {batch.LaCode}.";
            }

            if (AsAt is null)
            {
                return null;
            }

            return DateOnly.TryParseExact(AsAt, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asAt) && asAt == batch.AsAt
                ? null
                : $"--as-at {AsAt} does not match the folder's date, {batch.AsAt:yyyy-MM-dd}.";
        }
    }
}
