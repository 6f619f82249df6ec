namespace PerfPipeline.Hosting;

/// <summary>The configuration names a cloud host reads (app settings use <c>__</c> for <c>:</c>: docs/azure-settings.md).</summary>
public static class PipelineSettings
{
    /// <summary>The storage connection of the LAs' extracts: a connection string, or <c>ExtractsStorage__blobServiceUri</c>.</summary>
    public const string ExtractsStorage = "ExtractsStorage";

    /// <summary>The Azure SQL warehouse (Entra authentication in the connection string, no password).</summary>
    public const string SqlServerConnectionString = "PerfPipeline:SqlServer:ConnectionString";

    /// <summary>A SQLite warehouse file instead, for running the app locally and in tests.</summary>
    public const string SqliteDatabasePath = "PerfPipeline:Sqlite:DatabasePath";

    /// <summary>Retries of a whole load (<see cref="Loading.LoadRetryOptions"/>).</summary>
    public const string LoadRetry = "PerfPipeline:LoadRetry";

    /// <summary>Container names (<see cref="Batches.BlobBatchSourceOptions"/>); the defaults match the blob trigger and the Bicep.</summary>
    public const string Containers = "PerfPipeline:Containers";
}
