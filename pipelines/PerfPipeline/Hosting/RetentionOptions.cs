namespace PerfPipeline.Hosting;

using System.ComponentModel.DataAnnotations;

/// <summary>
/// How long the archive and the quarantine keep a batch's copy (section <c>PerfPipeline:Retention</c>). The copies hold
/// the LA's raw files, identifiers included, and exist only so a load can be replayed: <c>perfpipeline purge</c> removes
/// those older than this, and on Azure the data account's lifecycle rule deletes them after about as long
/// (<c>batchRetentionDays</c> in infra/main.bicep, docs/reliability.md).
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>13 months: a year of monthly batches, and the same month last year's, can still be replayed.</summary>
    public const int DefaultMonths = 13;

    /// <summary>Calendar months a copy is kept after it was written (environment variable <c>PerfPipeline__Retention__Months</c>).</summary>
    [Range(1, 120, ErrorMessage = "'" + PipelineSettings.RetentionMonths + "' must be between {1} and {2}: the months the archive and quarantine keep a batch's copy.")]
    public int Months { get; set; } = DefaultMonths;
}
