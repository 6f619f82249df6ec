namespace PerfPipeline.Cli.Commands;

using System.CommandLine;
using System.Globalization;

using PerfPipeline.Reference;

using Spectre.Console;

/// <summary>
/// <c>reference import DIR</c>: loads reference files into the warehouse (recomputing what they change);
/// <c>reference show KIND</c>: lists what is in force, with the file and import each row came from.
/// </summary>
internal static class ReferenceCommand
{
    private const string ShowKinds = "population|bank-holidays|comparators|targets|code-map|allocated-roles|files|imports";

    public static Command Create(CliContext context)
    {
        var command = new Command("reference", "Reference data: population, bank holidays, comparators, targets, code maps, allocated roles.");
        command.Subcommands.Add(Import(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    /// <summary>Imports the reference folders under <paramref name="source"/> and prints what it did.</summary>
    public static async Task<int> ImportAsync(
        IAnsiConsole console, IReferenceStore store, IReferenceSource source, CancellationToken cancellationToken, bool quietWhenUnchanged = false)
    {
        ReferenceImportResult result;
        try
        {
            result = await new ReferenceImporter(store).ImportAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (ReferenceImportException exception)
        {
            console.MarkupLine($"[red]{Markup.Escape(exception.Message)}[/]");
            return ExitCodes.Rejected;
        }

        if (!quietWhenUnchanged || result.ImportId is not null)
        {
            Write(console, result);
        }

        return ExitCodes.Success;
    }

    private static Command Import(CliContext context)
    {
        var folder = new Argument<string>("DIR")
        {
            Description = "An extracts folder (its reference/ and {la}/reference/), or one reference folder itself.",
        };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("import", "Load reference files; a changed file recomputes the indicator values it affects, in one transaction.") { folder };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No such folder: {path}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            return await ImportAsync(context.Console, pipeline.Warehouse, new LocalFolderReferenceSource(path), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var kind = new Argument<string>("KIND") { Description = ShowKinds };
        kind.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value is not ("files" or "imports") && !ReferenceKinds.TryParse(value, out _))
            {
                result.AddError($"'{value}' is not a reference kind ({ShowKinds}).");
            }
        });
        var la = new Option<string?>("--la") { Description = "Only this LA's rows (population, targets, code-map, allocated-roles).", HelpName = "CODE" };
        var warehouse = new WarehouseFlags(context);
        var command = new Command("show", "List the reference data in force, with the file and import each row came from.") { kind, la };
        warehouse.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var pipeline = await LocalPipeline.OpenAsync(context, LocalPipeline.DefaultExtracts, warehouse.Target(parseResult), cancellationToken)
                .ConfigureAwait(false);
            var store = pipeline.Warehouse;
            var name = parseResult.GetValue(kind)!;
            if (name == "imports")
            {
                WriteImports(context.Console, await store.ListReferenceImportsAsync(cancellationToken).ConfigureAwait(false));
                return ExitCodes.Success;
            }

            var listing = name == "files"
                ? await store.ListReferenceFilesAsync(cancellationToken).ConfigureAwait(false)
                : await store.ListReferenceAsync(ReferenceKinds.TryParse(name, out var k) ? k : default, cancellationToken).ConfigureAwait(false);
            WriteListing(context.Console, listing, parseResult.GetValue(la));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(IAnsiConsole console, ReferenceImportResult result)
    {
        foreach (var ignored in result.Ignored)
        {
            console.MarkupLine($"[grey]ignored {Markup.Escape(ignored)} (not a reference file name)[/]");
        }

        foreach (var file in result.Unchanged)
        {
            console.MarkupLine($"{Markup.Escape(file.Path)}  [grey]unchanged[/]");
        }

        foreach (var file in result.Imported)
        {
            console.MarkupLine($"{Markup.Escape(file.Path)}  [green]imported[/]  {file.Rows.ToString(CultureInfo.InvariantCulture)} rows  [grey]sha256 {file.Sha256[..16]}[/]");
        }

        if (result.ImportId is null)
        {
            console.MarkupLine(result.Unchanged.Count == 0 ? "No reference files found." : "Reference data unchanged: nothing imported.");
            return;
        }

        console.MarkupLine($"Import {Markup.Escape(result.ImportId)}: {result.Imported.Count} file(s); recomputed {result.RecomputedLoads.Count} LA(s).");
        foreach (var load in result.RecomputedLoads)
        {
            console.MarkupLine($"  recomputed as load {Markup.Escape(load)}");
        }

        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"  [yellow]warning: {Markup.Escape(warning)}[/]");
        }
    }

    private static void WriteListing(IAnsiConsole console, ReferenceListing listing, string? la)
    {
        var laColumn = listing.Columns.ToList().IndexOf("la_code");
        var rows = la is null || laColumn < 0 ? listing.Rows : [.. listing.Rows.Where(r => r[laColumn] == la.Trim())];
        if (rows.Count == 0)
        {
            console.MarkupLine("Nothing in force.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in listing.Columns)
        {
            table.AddColumn(Markup.Escape(column));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(v => Markup.Escape(v ?? string.Empty))]);
        }

        console.Write(table);
    }

    private static void WriteImports(IAnsiConsole console, IReadOnlyList<ReferenceImportRecord> imports)
    {
        if (imports.Count == 0)
        {
            console.MarkupLine("No imports.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn(new TableColumn("import").NoWrap()).AddColumn(new TableColumn("imported (UTC)").NoWrap()).AddColumn("origin").AddColumn(new TableColumn("file").NoWrap()).AddColumn("kind").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var import in imports)
        {
            foreach (var file in import.Files)
            {
                table.AddRow(
                    Markup.Escape(import.ImportId),
                    import.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(import.Origin),
                    Markup.Escape(file.FilePath),
                    Markup.Escape(file.Kind),
                    file.Rows.ToString(CultureInfo.InvariantCulture));
            }
        }

        console.Write(table);
    }
}
