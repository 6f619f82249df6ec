namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Loading;
using PerfPipeline.Warehouse;

/// <summary>
/// The embedded pipeline: extracts in a local folder, the SQLite warehouse file, and beside it (its data folder)
/// the archive, the quarantine and the generated pseudonymisation key.
/// </summary>
internal sealed class LocalPipeline
{
    public const string DefaultExtracts = "seeds/extracts";
    public const string DatabaseFileName = "perfpipeline.db";

    private LocalPipeline(CliContext context, string extractsRoot, WarehouseTarget warehouse)
    {
        var local = context with { DataFolder = warehouse.DataFolder(context) };
        Warehouse = warehouse.Open(context, new IndicatorEngine().ComputeAll);
        Source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = extractsRoot,
            ArchiveRoot = Path.Combine(local.DataFolder, "archive"),
            QuarantineRoot = Path.Combine(local.DataFolder, "quarantine"),
        });
        var reader = new ExtractReader(local.PseudonymisationKey(), context.TimeProvider, context.ExtractReaderOptions());
        Loader = new BatchLoader(Source, Warehouse, reader, context.TimeProvider);
    }

    public IWarehouse Warehouse { get; }

    public IBatchSource Source { get; }

    public BatchLoader Loader { get; }

    /// <summary>Opens the pipeline on the given folders (relative to the current folder) and migrates the warehouse.</summary>
    public static async Task<LocalPipeline> OpenAsync(CliContext context, string extracts, WarehouseTarget warehouse, CancellationToken cancellationToken)
    {
        var pipeline = new LocalPipeline(context, Path.GetFullPath(extracts), warehouse);
        await pipeline.Warehouse.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pipeline;
    }
}
