namespace PerfPipeline.Hosting;

using Azure.Storage.Blobs;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

using PerfPipeline.Api;
using PerfPipeline.Batches;
using PerfPipeline.Extracts;
using PerfPipeline.Loading;
using PerfPipeline.Privacy;
using PerfPipeline.Warehouse;

/// <summary>The pipeline as a cloud host runs it: batches in blob storage, the warehouse from configuration.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the blob batch source and lock, the warehouse (SQL Server when
    /// <see cref="PipelineSettings.SqlServerConnectionString"/> is set, else the SQLite file at
    /// <see cref="PipelineSettings.SqliteDatabasePath"/>), the loaders and the HTTP API. The pseudonymisation key must
    /// be configured: a key generated on one instance would not match another's.
    /// </summary>
    public static IServiceCollection AddPerfPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => BlobStorage.CreateClient(configuration.GetSection(PipelineSettings.ExtractsStorage)));
        services.AddSingleton(configuration.GetSection(PipelineSettings.Containers).Get<BlobBatchSourceOptions>() ?? new BlobBatchSourceOptions());
        services.AddSingleton(configuration.GetSection(PipelineSettings.LoadRetry).Get<LoadRetryOptions>() ?? new LoadRetryOptions());
        services.AddSingleton<IBatchSource>(sp => new BlobBatchSource(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<BlobBatchSourceOptions>()));
        services.AddSingleton<IBatchLock, BlobManifestLock>();
        services.AddSingleton(sp => Warehouses.Open(configuration, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Warehouses))));
        services.AddSingleton(sp => new ExtractReader(ConfiguredKey(configuration), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BatchLoader>();
        services.AddSingleton<ExactlyOnceLoader>();
        services.AddSingleton<MonthlyBatchSweep>();
        services.AddSingleton<PerfPipelineApi>();
        services.AddSingleton<ApiAccess>();
        return services;
    }

    private static PseudonymisationKey ConfiguredKey(IConfiguration configuration)
    {
        var base64 = configuration[PseudonymisationKey.SettingName];
        return string.IsNullOrWhiteSpace(base64)
            ? throw new InvalidOperationException($"Set '{PseudonymisationKey.SettingName}' (app setting PerfPipeline__PseudonymisationKey): every instance must pseudonymise with the same key.")
            : PseudonymisationKey.FromBase64(base64);
    }
}
