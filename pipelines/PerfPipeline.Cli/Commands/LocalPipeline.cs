namespace PerfPipeline.Cli.Commands;

using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using PerfPipeline.Api;
using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Hosting;
using PerfPipeline.Loading;
using PerfPipeline.Warehouse;

/// <summary>
/// The pipeline as the command line runs it, built by <see cref="ServiceCollectionExtensions.AddPerfPipeline"/> like
/// the Functions app's: the command line's flags become settings on top of the environment's. By default that is
/// extracts in a local folder, the SQLite warehouse file, and beside it (its data folder) the archive, the quarantine
/// and the generated pseudonymisation key.
/// </summary>
internal sealed class LocalPipeline
{
    public const string DefaultExtracts = "seeds/extracts";
    public const string DatabaseFileName = "perfpipeline.db";

    private readonly ServiceProvider _services;

    private LocalPipeline(ServiceProvider services, string dataFolder)
    {
        _services = services;
        DataFolder = dataFolder;
    }

    /// <summary>The services <see cref="ServiceCollectionExtensions.AddPerfPipeline"/> built (tests read the options from them).</summary>
    internal IServiceProvider Services => _services;

    public IWarehouse Warehouse => _services.GetRequiredService<IWarehouse>();

    public IBatchSource Source => _services.GetRequiredService<IBatchSource>();

    public BatchLoader Loader => _services.GetRequiredService<BatchLoader>();

    public ExtractReader Reader => _services.GetRequiredService<ExtractReader>();

    public PerfPipelineApi Api => _services.GetRequiredService<PerfPipelineApi>();

    /// <summary>Where archive, quarantine, reports and the generated key live: beside the SQLite file, else the context's data folder.</summary>
    public string DataFolder { get; }

    /// <summary>What to show for the warehouse: the file, or the server and database (never the connection string).</summary>
    public string WarehouseDescription
    {
        get
        {
            var options = _services.GetRequiredService<IOptions<WarehouseOptions>>().Value;
            if (!options.UsesSqlServer)
            {
                return Path.GetFullPath(options.Sqlite.DatabasePath!);
            }

            var builder = new SqlConnectionStringBuilder(options.SqlServer.ConnectionString);
            return $"Azure SQL {builder.DataSource}/{builder.InitialCatalog}";
        }
    }

    /// <summary>The officers' commentary, kept in the same warehouse.</summary>
    public Reporting.ICommentaryStore Commentary() => _services.GetRequiredService<Reporting.ICommentaryStore>();

    /// <summary>
    /// Builds the pipeline without touching the warehouse. <paramref name="extracts"/>: the <c>--extracts</c> folder when
    /// given; otherwise the configured batch source (<c>PerfPipeline__LocalFolder__ExtractsRoot</c> or
    /// <c>ExtractsStorage</c>), else <see cref="DefaultExtracts"/>.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is missing or invalid; the message names it.</exception>
    /// <param name="context">The command line's surroundings: configuration, clock, data folder.</param>
    /// <param name="extracts">The <c>--extracts</c> folder, when given.</param>
    /// <param name="warehouse">The warehouse the flags name.</param>
    /// <param name="services">More services (tests add a log collector).</param>
    public static LocalPipeline Create(CliContext context, string? extracts, WarehouseTarget warehouse, Action<IServiceCollection>? services = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(warehouse);
        var configured = context.Configuration;
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (warehouse.SqlServerConnectionString is { } connectionString)
        {
            settings[PipelineSettings.SqlServerConnectionString] = connectionString;
        }
        else if (warehouse.DatabasePath is { } path)
        {
            settings[PipelineSettings.SqlServerConnectionString] = string.Empty; // --db wins over a configured Azure SQL
            settings[PipelineSettings.SqliteDatabasePath] = path;
        }
        else if (string.IsNullOrWhiteSpace(configured[PipelineSettings.SqliteDatabasePath]))
        {
            settings[PipelineSettings.SqliteDatabasePath] = Path.GetFullPath(Path.Combine(context.DataFolder, DatabaseFileName));
        }

        var sqlServer = settings.TryGetValue(PipelineSettings.SqlServerConnectionString, out var given) ? given : configured[PipelineSettings.SqlServerConnectionString];
        var sqlitePath = settings.TryGetValue(PipelineSettings.SqliteDatabasePath, out var file) ? file : configured[PipelineSettings.SqliteDatabasePath];
        var dataFolder = string.IsNullOrWhiteSpace(sqlServer) ? Path.GetDirectoryName(Path.GetFullPath(sqlitePath!))! : Path.GetFullPath(context.DataFolder);

        var extractsRoot = $"{PipelineSettings.LocalFolder}:{nameof(LocalFolderBatchSourceOptions.ExtractsRoot)}";
        if (extracts is not null)
        {
            settings[extractsRoot] = Path.GetFullPath(extracts);
        }
        else if (string.IsNullOrWhiteSpace(configured[extractsRoot]) && !configured.GetSection(PipelineSettings.ExtractsStorage).Exists())
        {
            settings[extractsRoot] = Path.GetFullPath(DefaultExtracts);
        }

        Default(settings, configured, $"{PipelineSettings.LocalFolder}:{nameof(LocalFolderBatchSourceOptions.ArchiveRoot)}", Path.Combine(dataFolder, "archive"));
        Default(settings, configured, $"{PipelineSettings.LocalFolder}:{nameof(LocalFolderBatchSourceOptions.QuarantineRoot)}", Path.Combine(dataFolder, "quarantine"));
        Default(settings, configured, PipelineSettings.PseudonymisationKeyFile, Path.Combine(dataFolder, Privacy.PseudonymisationKey.KeyFileName));

        var configuration = new ConfigurationBuilder().AddConfiguration(configured).AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddSingleton(context.TimeProvider);
        services?.Invoke(collection);
        var provider = collection.AddPerfPipeline(configuration).BuildServiceProvider();
        provider.ValidatePerfPipelineOptions();
        return new LocalPipeline(provider, dataFolder);
    }

    /// <summary>Builds the pipeline (see <see cref="Create"/>) and migrates the warehouse.</summary>
    public static async Task<LocalPipeline> OpenAsync(CliContext context, string? extracts, WarehouseTarget warehouse, CancellationToken cancellationToken)
    {
        var pipeline = Create(context, extracts, warehouse);
        await pipeline.Warehouse.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return pipeline;
    }

    private static void Default(Dictionary<string, string?> settings, IConfiguration configured, string key, string value)
    {
        if (string.IsNullOrWhiteSpace(configured[key]))
        {
            settings[key] = value;
        }
    }
}
