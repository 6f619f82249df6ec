namespace PerfPipeline.Batches;

/// <summary>The names of the validation report files written beside a quarantined batch.</summary>
public static class BatchReportFiles
{
    /// <summary>The machine-readable error report (<see cref="Extracts.ValidationReport.Json"/>).</summary>
    public const string Errors = "errors.json";

    /// <summary>The readable summary (<see cref="Extracts.ValidationReport.Summary"/>).</summary>
    public const string Summary = "summary.txt";
}
