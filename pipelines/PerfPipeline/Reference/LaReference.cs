namespace PerfPipeline.Reference;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;

/// <summary>
/// The reference data in force for one LA, as the warehouse resolves it (an LA's own file over the national file over
/// the shipped default): what the engine, the dashboard, the report and the extract reader use.
/// </summary>
public sealed record LaReference
{
    public required string LaCode { get; init; }

    /// <summary>The LA's 0-17 estimates, oldest first, each with the file it came from.</summary>
    public IReadOnlyList<PopulationEstimate> Population { get; init; } = [];

    /// <summary>England and Wales bank holidays in date order.</summary>
    public IReadOnlyList<BankHoliday> BankHolidays { get; init; } = [];

    /// <summary>Every comparator in force (all geographies and periods).</summary>
    public IReadOnlyList<SourcedComparator> Comparators { get; init; } = [];

    public IReadOnlyList<IndicatorTarget> Targets { get; init; } = [];

    public IReadOnlyList<CodeMapEntry> CodeMap { get; init; } = [];

    public IReadOnlyList<string> AllocatedRoles { get; init; } = [];

    /// <summary>
    /// The comparator for <paramref name="indicatorCode"/> in <paramref name="geography"/> whose published period ends
    /// latest on or before <paramref name="reportingPeriodEnd"/>; null when none has been published by then.
    /// </summary>
    public SourcedComparator? ComparatorFor(string indicatorCode, DateOnly reportingPeriodEnd, string geography = Comparator.England) =>
        Comparators
            .Where(c => c.Comparator.IndicatorCode == indicatorCode && c.Comparator.Geography == geography && c.Comparator.PeriodEnd <= reportingPeriodEnd)
            .MaxBy(c => c.Comparator.PeriodEnd);

    /// <summary>The LA's target for the indicator in force on <paramref name="date"/> (the latest <c>from_date</c> on or before it).</summary>
    public IndicatorTarget? TargetFor(string indicatorCode, DateOnly date) =>
        Targets.Where(t => t.IndicatorCode == indicatorCode && t.FromDate <= date).MaxBy(t => t.FromDate);
}

/// <summary>A comparator and the file and import it came from.</summary>
public sealed record SourcedComparator(Comparator Comparator, ReferenceProvenance Provenance);

/// <summary>One stored import and its files (<c>reference show imports</c>).</summary>
public sealed record ReferenceImportRecord(string ImportId, string Origin, DateTimeOffset ImportedAt, IReadOnlyList<ReferenceFileRecord> Files);

public sealed record ReferenceFileRecord(string Kind, string Scope, string? LaCode, string FilePath, string Sha256, int Rows);

/// <summary>Rows of a reference view as text, for listing (<c>reference show KIND</c>).</summary>
public sealed record ReferenceListing(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows);

/// <summary>Files read and checked, ready to be stored: where they came from and what they hold.</summary>
public sealed record ReferenceImportRequest(string Origin, IReadOnlyList<ReferenceFile> Files);

/// <summary>
/// What an import did: the import id (null when every file was already in force, and nothing was stored), the files it
/// stored and those it left as they were, and the recomputation load of each LA it touched.
/// </summary>
public sealed record ReferenceImportResult(
    string? ImportId, IReadOnlyList<ReferenceFile> Imported, IReadOnlyList<ReferenceFile> Unchanged, IReadOnlyList<string> RecomputedLoads)
{
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>Per LA recomputed, what its figures need said: the bank holidays in force ending before its as-at date.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// The warehouse's reference tables: an import is one transaction that stores the changed files and recomputes the
/// indicator values of every LA whose figures they change, under a load that names the import.
/// </summary>
public interface IReferenceStore
{
    Task<ReferenceImportResult> ImportReferenceAsync(ReferenceImportRequest request, CancellationToken cancellationToken = default);

    Task<LaReference> ReadReferenceAsync(string laCode, CancellationToken cancellationToken = default);

    /// <summary>The rows of <paramref name="kind"/> in force, with the file and import each came from.</summary>
    Task<ReferenceListing> ListReferenceAsync(ReferenceKind kind, CancellationToken cancellationToken = default);

    /// <summary>Every file in force per kind, scope and LA.</summary>
    Task<ReferenceListing> ListReferenceFilesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The newest import's id (null before any): what a cached dashboard compares, since comparators change what it
    /// shows without a load.
    /// </summary>
    Task<string?> FindLatestReferenceImportAsync(CancellationToken cancellationToken = default);

    /// <summary>Every import, newest first.</summary>
    Task<IReadOnlyList<ReferenceImportRecord>> ListReferenceImportsAsync(CancellationToken cancellationToken = default);
}
