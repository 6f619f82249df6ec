namespace PerfPipeline.Cli.Commands;

using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Loading;
using PerfPipeline.Privacy;
using PerfPipeline.Warehouse;
using PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// The embedded pipeline: extracts in a local folder, the SQLite warehouse file, and beside it (its data folder)
/// the archive, the quarantine and the generated pseudonymisation key.
/// </summary>
internal sealed class LocalPipeline
{
    public const string DefaultExtracts = "seeds/extracts";
    public const string DefaultDatabase = "data/perfpipeline.db";

    private const string KeySetting = "PerfPipeline__PseudonymisationKey";

    private LocalPipeline(string extractsRoot, string databasePath, TimeProvider timeProvider)
    {
        var dataFolder = Path.GetDirectoryName(databasePath)!;
        Warehouse = new SqliteWarehouse(databasePath, new IndicatorEngine().ComputeAll, timeProvider);
        Source = new LocalFolderBatchSource(new LocalFolderBatchSourceOptions
        {
            ExtractsRoot = extractsRoot,
            ArchiveRoot = Path.Combine(dataFolder, "archive"),
            QuarantineRoot = Path.Combine(dataFolder, "quarantine"),
        });
        var key = PseudonymisationKey.Resolve(Environment.GetEnvironmentVariable(KeySetting), Path.Combine(dataFolder, "pseudonymisation.key"));
        Loader = new BatchLoader(Source, Warehouse, new ExtractReader(key, timeProvider), timeProvider);
    }

    public IWarehouse Warehouse { get; }

    public IBatchSource Source { get; }

    public BatchLoader Loader { get; }

    /// <summary>Opens the pipeline on the given folders (relative to the current folder) and migrates the warehouse.</summary>
    public static async Task<LocalPipeline> OpenAsync(string extracts, string database, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var pipeline = new LocalPipeline(Path.GetFullPath(extracts), Path.GetFullPath(database), timeProvider);
        await pipeline.Warehouse.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pipeline;
    }
}
