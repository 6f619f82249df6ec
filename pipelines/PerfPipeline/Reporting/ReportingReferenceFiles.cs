namespace PerfPipeline.Reporting;

using PerfPipeline.Reference;

/// <summary>
/// Reads a report's reference data from the extracts folder at the time of the report, so new files change the next
/// report with no rebuild: the published comparators from <c>{extracts}/reference/comparators.csv</c> (the
/// comparators shipped in the library when there is none) and the LA's targets from
/// <c>{extracts}/{la}/reference/targets.csv</c> (none when absent). An LA's file may hold only its own targets,
/// which the folder says; the national file only comparators.
/// </summary>
public static class ReportingReferenceFiles
{
    public const string FolderName = "reference";

    public static ReportingReference Read(string extractsRoot, string laCode, int smallNumberThreshold = SmallNumbers.DefaultThreshold)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(extractsRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(laCode);
        var comparatorsPath = Path.Combine(extractsRoot, FolderName, ReportingReferenceCsv.ComparatorsFileName);
        var targetsPath = Path.Combine(extractsRoot, laCode, FolderName, ReportingReferenceCsv.TargetsFileName);
        var comparators = File.Exists(comparatorsPath) ? ReadFile(comparatorsPath, ReportingReferenceCsv.ReadComparators) : ReportingReference.Shipped.Comparators;
        var targets = File.Exists(targetsPath) ? ReadFile(targetsPath, ReportingReferenceCsv.ReadTargets) : [];
        return new ReportingReference(targets, comparators) { SmallNumberThreshold = smallNumberThreshold };
    }

    private static IReadOnlyList<T> ReadFile<T>(string path, Func<Stream, string, IReadOnlyList<T>> read)
    {
        using var stream = File.OpenRead(path);
        return read(stream, path);
    }
}
