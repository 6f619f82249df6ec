namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;

/// <summary>
/// Everything that happened in a synthetic LA up to the last batch date: the full event history and each
/// batch's snapshots. <see cref="AsAtCut"/> turns it into what an extract taken on an earlier date holds.
/// </summary>
internal sealed class SyntheticWorld
{
    public required string LaCode { get; init; }

    public required string LaName { get; init; }

    public required string SourceSystem { get; init; }

    public required IReadOnlyList<DateOnly> Batches { get; init; }

    public List<Person> People { get; } = [];
    public List<Referral> Referrals { get; } = [];
    public List<Assessment> Assessments { get; } = [];
    public List<CpPlan> CpPlans { get; } = [];
    public List<CpVisit> CpVisits { get; } = [];
    public List<CareEpisode> CareEpisodes { get; } = [];
    public List<CareVisit> CareVisits { get; } = [];
    public List<Involvement> Involvements { get; } = [];
    public List<MissingEpisode> MissingEpisodes { get; } = [];
    public List<EarlyHelpEpisode> EarlyHelpEpisodes { get; } = [];
    public List<EhcpRequest> EhcpRequests { get; } = [];
    public List<EhcpAssessment> EhcpAssessments { get; } = [];
    public List<EhcpNamedPlan> EhcpNamedPlans { get; } = [];
    public List<Professional> Professionals { get; } = [];

    public List<Snapshot<CareLeaver>> CareLeaverSnapshots { get; } = [];
    public List<Snapshot<EhcpActivePlan>> EhcpActivePlanSnapshots { get; } = [];
    public List<Snapshot<MissingEducationCase>> MissingEducationSnapshots { get; } = [];

    public DateOnly End => Batches[^1];
}
