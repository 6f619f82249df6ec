namespace PerfPipeline.CaseData;

/// <summary>
/// Everything the indicator engine needs for one local authority: the current event data, every
/// snapshot kept so far, which event datasets were ever supplied, and the 0-17 population.
/// </summary>
public sealed record LaCaseData
{
    public required string LaCode { get; init; }

    /// <summary>
    /// The newest <c>as_at</c> of the batches the data comes from: periods ending after it are still running
    /// and get no values. Null: the latest date found in the data.
    /// </summary>
    public DateOnly? AsAt { get; init; }

    /// <summary>Event datasets (by contract name) that some accepted batch has supplied.</summary>
    public IReadOnlySet<string> SuppliedDatasets { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Supplied datasets that have never held a row for the LA (every batch's file header-only): their measures are
    /// n/a, as for a dataset not supplied. A dataset that held rows before and is now empty is measured (as zero).
    /// </summary>
    public IReadOnlySet<string> EmptyDatasets { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public IReadOnlyList<Person> People { get; init; } = [];
    public IReadOnlyList<Referral> Referrals { get; init; } = [];
    public IReadOnlyList<Assessment> Assessments { get; init; } = [];
    public IReadOnlyList<CpPlan> CpPlans { get; init; } = [];
    public IReadOnlyList<CpVisit> CpVisits { get; init; } = [];
    public IReadOnlyList<CareEpisode> CareEpisodes { get; init; } = [];
    public IReadOnlyList<CareVisit> CareVisits { get; init; } = [];
    public IReadOnlyList<Involvement> Involvements { get; init; } = [];
    public IReadOnlyList<MissingEpisode> MissingEpisodes { get; init; } = [];
    public IReadOnlyList<EarlyHelpEpisode> EarlyHelpEpisodes { get; init; } = [];
    public IReadOnlyList<EhcpRequest> EhcpRequests { get; init; } = [];
    public IReadOnlyList<EhcpAssessment> EhcpAssessments { get; init; } = [];
    public IReadOnlyList<EhcpNamedPlan> EhcpNamedPlans { get; init; } = [];
    public IReadOnlyList<Professional> Professionals { get; init; } = [];

    public IReadOnlyList<Snapshot<CareLeaver>> CareLeaverSnapshots { get; init; } = [];
    public IReadOnlyList<Snapshot<EhcpActivePlan>> EhcpActivePlanSnapshots { get; init; } = [];
    public IReadOnlyList<Snapshot<MissingEducationCase>> MissingEducationSnapshots { get; init; } = [];

    /// <summary>The LA's own 0-17 estimates in force (reference data), oldest first; never another LA's.</summary>
    public IReadOnlyList<PopulationEstimate> Population { get; init; } = [];

    /// <summary>The LA's allocated-worker roles in force (reference data); empty: <see cref="AllocatedRoles.Default"/>.</summary>
    public IReadOnlyList<string> AllocatedRoles { get; init; } = [];

    /// <summary>The England and Wales bank holidays in force (reference data); null: the engine's own calendar.</summary>
    public IReadOnlyList<Calendar.BankHoliday>? BankHolidays { get; init; }
}
