namespace PerfPipeline.Batches;

using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

using Microsoft.Extensions.Configuration;

/// <summary>
/// Creates the blob client for a Functions-style storage connection: either a connection string
/// (<c>ExtractsStorage</c>, e.g. Azurite locally) or an identity-based one (<c>ExtractsStorage__blobServiceUri</c>,
/// with <c>__credential=managedidentity</c>).
/// </summary>
internal static class BlobStorage
{
    /// <summary>
    /// Client options for every blob client of the pipeline. The service version is pinned to the newest one
    /// the tests' Azurite serves, so the requests tested are the requests sent to Azure. The SDK's own retry
    /// policy handles transient faults (timeouts, 408, 429, 5xx, dropped connections) per request.
    /// </summary>
    public static BlobClientOptions CreateClientOptions()
    {
        var options = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2025_11_05);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 5;
        options.Retry.Delay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>Creates the client for the connection <paramref name="connection"/> (a configuration section such as <c>ExtractsStorage</c>).</summary>
    /// <exception cref="InvalidOperationException">The connection is not configured.</exception>
    public static BlobServiceClient CreateClient(IConfigurationSection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!string.IsNullOrWhiteSpace(connection.Value))
        {
            return new BlobServiceClient(connection.Value, CreateClientOptions());
        }

        var serviceUri = connection["blobServiceUri"] ?? connection["serviceUri"];
        if (string.IsNullOrWhiteSpace(serviceUri))
        {
            throw new InvalidOperationException(
                $"Storage connection '{connection.Path}' is not configured: set '{connection.Path}' to a connection string or '{connection.Path}__blobServiceUri' to the account's blob endpoint.");
        }

        return new BlobServiceClient(new Uri(serviceUri), Credential(connection), CreateClientOptions());
    }

    /// <summary>The Functions convention: <c>__credential=managedidentity</c> (with <c>__clientId</c> for a user-assigned identity); otherwise the developer's own sign-in.</summary>
    private static TokenCredential Credential(IConfigurationSection connection)
    {
        var clientId = connection["clientId"];
        if (!string.IsNullOrWhiteSpace(clientId))
        {
            return new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return string.Equals(connection["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
    }
}
