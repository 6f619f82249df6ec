namespace PerfPipeline.Functions;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using PerfPipeline.Hosting;

/// <summary>The app's services: telemetry, the pipeline from the one composition root, and the warehouse schema check on start.</summary>
internal static class AppServices
{
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration) =>
        services.AddTelemetry(configuration).AddPerfPipeline(configuration).AddHostedService<WarehouseSchemaCheck>();
}
