namespace PerfPipeline.Extracts;

using System.ComponentModel.DataAnnotations;

/// <summary>Settings of the extract reader (configuration section <c>PerfPipeline:Extracts</c>).</summary>
public sealed class ExtractReaderOptions
{
    /// <summary>Default of <see cref="MaxRejectedRowShare"/>: 5%, as the extract contract says.</summary>
    public const double DefaultMaxRejectedRowShare = 0.05;

    /// <summary>
    /// The largest share (0 to 1) of a dataset's rows that may be rejected before the whole batch is rejected.
    /// Default 0.05; a batch is rejected when the share is strictly greater.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MaxRejectedRowShare { get; set; } = DefaultMaxRejectedRowShare;
}
