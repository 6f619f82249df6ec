namespace PerfPipeline.Generation.Profile;

/// <summary>
/// What the seed generator makes: the LA, its batches, and for each dashboard measure the numerators and
/// denominators to meet in the year, the same quarter last year and the current quarter
/// (<c>seeds/profiles/*.json</c>, described in <c>docs/seeds.md</c>).
/// </summary>
internal sealed record SeedProfile
{
    public required int Seed { get; init; }

    public required string LaCode { get; init; }

    public required string LaName { get; init; }

    public string SourceSystem { get; init; } = "Mosaic";

    /// <summary>First day of the event history (referrals, plans and visits older than this are not made).</summary>
    public required DateOnly HistoryStart { get; init; }

    /// <summary>The <c>as_at</c> dates of the batches, oldest first; the last is the end of the history.</summary>
    public required IReadOnlyList<DateOnly> Batches { get; init; }

    /// <summary>Snapshot datasets that begin with a later batch than the first (dataset name → first <c>as_at</c>).</summary>
    public IReadOnlyDictionary<string, DateOnly> SnapshotsFrom { get; init; } = new Dictionary<string, DateOnly>();

    /// <summary>The year compared with (<c>2018-19</c>), the same quarter last year and the current quarter.</summary>
    public required string Year { get; init; }

    public required string LastYearQuarter { get; init; }

    public required string Quarter { get; init; }

    public required FlowTargets<Ratio> Referrals { get; init; }

    public required FlowTargets<Ratio> Assessments { get; init; }

    public required FlowTargets<EarlyHelpTarget> EarlyHelp { get; init; }

    public required FlowTargets<EhcpIssuedTarget> EhcpIssued { get; init; }

    public required SnapshotTargets<EhcpCaseloadTarget?> EhcpCaseload { get; init; }

    public required FlowTargets<Ratio> CpStarts { get; init; }

    public required SnapshotTargets<int> CpOpen { get; init; }

    public required FlowTargets<decimal> CpVisitsInTimescalePct { get; init; }

    public required SnapshotTargets<int> ChildrenInCare { get; init; }

    /// <summary>Children in care at the snapshot with more than one social worker in 12 months (of <see cref="ChildrenInCare"/>).</summary>
    public required SnapshotTargets<int> MultipleSocialWorkers { get; init; }

    public required FlowTargets<decimal> CicVisitsInTimescalePct { get; init; }

    public required SnapshotTargets<CareLeaverTarget> CareLeavers { get; init; }

    public required FlowTargets<MissingTarget> Missing { get; init; }

    public required SnapshotTargets<int?> MissingEducation { get; init; }

    public required WorkforceProfile Workforce { get; init; }
}
