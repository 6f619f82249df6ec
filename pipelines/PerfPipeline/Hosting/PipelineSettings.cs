namespace PerfPipeline.Hosting;

/// <summary>
/// The configuration names both hosts read (app settings and environment variables use <c>__</c> for <c>:</c>:
/// docs/azure-settings.md). <see cref="ServiceCollectionExtensions.AddPerfPipeline"/> binds each to its options type.
/// </summary>
public static class PipelineSettings
{
    /// <summary>The storage connection of the LAs' extracts: a connection string, or <c>ExtractsStorage__blobServiceUri</c>.</summary>
    public const string ExtractsStorage = "ExtractsStorage";

    /// <summary>The section of <see cref="WarehouseOptions"/> and <see cref="PseudonymisationOptions"/>.</summary>
    public const string Section = "PerfPipeline";

    /// <summary>The Azure SQL warehouse (Entra authentication in the connection string, no password).</summary>
    public const string SqlServerConnectionString = "PerfPipeline:SqlServer:ConnectionString";

    /// <summary>A SQLite warehouse file instead (the command line's default, local runs of the app, tests).</summary>
    public const string SqliteDatabasePath = "PerfPipeline:Sqlite:DatabasePath";

    /// <summary>The base64 pseudonymisation key (<see cref="PseudonymisationOptions.PseudonymisationKey"/>).</summary>
    public const string PseudonymisationKey = "PerfPipeline:PseudonymisationKey";

    /// <summary>A key file generated once and reused, when no key is configured (<see cref="PseudonymisationOptions.PseudonymisationKeyFile"/>).</summary>
    public const string PseudonymisationKeyFile = "PerfPipeline:PseudonymisationKeyFile";

    /// <summary>Extract reader settings (<see cref="Extracts.ExtractReaderOptions"/>), e.g. <c>MaxRejectedRowShare</c>.</summary>
    public const string Extracts = "PerfPipeline:Extracts";

    /// <summary>Batches in a local folder instead of blob storage (<see cref="Batches.LocalFolderBatchSourceOptions"/>).</summary>
    public const string LocalFolder = "PerfPipeline:LocalFolder";

    /// <summary>How long archive and quarantine copies are kept (<see cref="RetentionOptions"/>).</summary>
    public const string Retention = "PerfPipeline:Retention";

    /// <summary>The months a copy is kept (<see cref="RetentionOptions.Months"/>), default 13.</summary>
    public const string RetentionMonths = "PerfPipeline:Retention:Months";

    /// <summary>The care-leaver cohort's rules (<see cref="CareLeaverOptions"/>).</summary>
    public const string CareLeavers = "PerfPipeline:CareLeavers";

    /// <summary>When a person's latest care-leaver row alone counts (<see cref="CareLeaverOptions.LatestContactPerPerson"/>): Auto, Always or Never.</summary>
    public const string CareLeaversLatestContactPerPerson = "PerfPipeline:CareLeavers:LatestContactPerPerson";

    /// <summary>Container names (<see cref="Batches.BlobBatchSourceOptions"/>); the defaults match the blob trigger and the Bicep.</summary>
    public const string Containers = "PerfPipeline:Containers";
}
