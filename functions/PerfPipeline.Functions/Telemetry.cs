namespace PerfPipeline.Functions;

using Azure.Identity;

using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// Application Insights for the worker (APPLICATIONINSIGHTS_CONNECTION_STRING), keeping Information logs, and sending
/// with the app's managed identity when APPLICATIONINSIGHTS_AUTHENTICATION_STRING asks for Entra ID (the deployed
/// resource accepts no keys).
/// </summary>
internal static class Telemetry
{
    private const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        if (TelemetryAuthentication.Parse(configuration[TelemetryAuthentication.SettingName]) is { } entra)
        {
            services.Configure<TelemetryConfiguration>(telemetry => telemetry.SetAzureTokenCredential(
                new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = entra.ClientId })));
        }

        // The SDK adds a rule that keeps only warnings; a load's outcome is logged at Information and belongs in the logs.
        services.Configure<LoggerFilterOptions>(options =>
        {
            var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsProvider);
            if (warningsOnly is not null)
            {
                options.Rules.Remove(warningsOnly);
            }
        });
        return services;
    }
}
