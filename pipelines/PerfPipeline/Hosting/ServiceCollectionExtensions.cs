namespace PerfPipeline.Hosting;

using Azure.Storage.Blobs;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using PerfPipeline.Api;
using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Reporting;
using PerfPipeline.Warehouse;

/// <summary>
/// The one composition root: both hosts (the command line and the Functions app) build the pipeline here, from
/// configuration, so a documented setting means the same in each.
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the batch source (the local folder when <see cref="PipelineSettings.LocalFolder"/><c>:ExtractsRoot</c>
    /// is set, else blob storage at <see cref="PipelineSettings.ExtractsStorage"/>), the warehouse
    /// (<see cref="WarehouseOptions"/>), the extract reader, the loaders, the retention purge and the HTTP API. Every options type is bound
    /// from its section and validated when the host starts (<c>ValidateOnStart</c>); a host without
    /// <c>IHost</c> runs the validation with <see cref="ValidatePerfPipelineOptions"/>.
    /// </summary>
    public static IServiceCollection AddPerfPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddOptions<ExtractReaderOptions>().Bind(configuration.GetSection(PipelineSettings.Extracts)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PseudonymisationOptions>().Bind(configuration.GetSection(PipelineSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WarehouseOptions>().Bind(configuration.GetSection(PipelineSettings.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(PipelineSettings.Retention)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CareLeaverOptions>().Bind(configuration.GetSection(PipelineSettings.CareLeavers)).ValidateDataAnnotations().ValidateOnStart();

        if (UsesLocalFolder(configuration))
        {
            services.AddOptions<LocalFolderBatchSourceOptions>().Bind(configuration.GetSection(PipelineSettings.LocalFolder)).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IBatchSource>(sp => new LocalFolderBatchSource(sp.GetRequiredService<IOptions<LocalFolderBatchSourceOptions>>().Value));
        }
        else
        {
            services.AddOptions<BlobBatchSourceOptions>().Bind(configuration.GetSection(PipelineSettings.Containers)).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton(sp => sp.GetRequiredService<IOptions<BlobBatchSourceOptions>>().Value);
            services.AddSingleton(_ => BlobStorage.CreateClient(configuration.GetSection(PipelineSettings.ExtractsStorage)));
            services.AddSingleton<IBatchSource>(sp => new BlobBatchSource(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<BlobBatchSourceOptions>()));
            services.AddSingleton<IBatchLock, BlobManifestLock>();
            services.AddSingleton<ExactlyOnceLoader>();
            services.AddSingleton<MonthlyBatchSweep>();
            services.AddSingleton<Reference.BlobReferenceLoader>();
        }

        services.AddSingleton(sp => Warehouses.Open(
            sp.GetRequiredService<IOptions<WarehouseOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Warehouses)),
            sp.GetRequiredService<IOptions<CareLeaverOptions>>().Value.ToCohort()));
        services.AddSingleton(sp => new ExtractReader(
            sp.GetRequiredService<IOptions<PseudonymisationOptions>>().Value.Resolve(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ExtractReaderOptions>>().Value,
            // The warehouse is opened only when a batch is read: an LA's code map and roles are reference data held there.
            new StoredExtractReference(sp.GetRequiredService<IWarehouse>),
            // The report counts the care-leaver rows the engine's cohort leaves out, with the same settings.
            sp.GetRequiredService<IOptions<CareLeaverOptions>>().Value.ToCohort()));
        services.AddSingleton<BatchLoader>();
        services.AddSingleton(sp => new RetentionPurge(
            sp.GetRequiredService<IBatchSource>(),
            sp.GetRequiredService<IWarehouse>(),
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value.Months,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => CommentaryStores.For(sp.GetRequiredService<IOptions<WarehouseOptions>>().Value));
        services.AddSingleton<PerfPipelineApi>();
        services.AddSingleton<ApiAccess>();
        return services;
    }

    /// <summary>
    /// Validates every options type registered with <c>ValidateOnStart</c>, as <c>IHost</c> does when it starts: for
    /// hosts that build a service provider without a host (the command line).
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is missing or out of range; the message names it.</exception>
    public static void ValidatePerfPipelineOptions(this IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException e) when (e.InnerExceptions.All(inner => inner is OptionsValidationException))
        {
            // Several settings wrong at once: one exception listing every failure, as a single one would be.
            var failures = e.InnerExceptions.Cast<OptionsValidationException>().ToList();
            throw new OptionsValidationException(failures[0].OptionsName, failures[0].OptionsType, failures.SelectMany(f => f.Failures));
        }
    }

    /// <summary>The local folder source is chosen by naming its extracts folder; otherwise batches come from blob storage.</summary>
    private static bool UsesLocalFolder(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{PipelineSettings.LocalFolder}:{nameof(LocalFolderBatchSourceOptions.ExtractsRoot)}"]);
}
