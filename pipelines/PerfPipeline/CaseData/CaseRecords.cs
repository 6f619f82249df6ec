namespace PerfPipeline.CaseData;

// Typed case data as the indicator engine sees it: one record per warehouse row of the current
// (non-superseded) event data, or of a snapshot. Property names mirror the warehouse columns
// (ExtractContract.StoredAs), so rows map by name. Person and professional keys are pseudonyms.

/// <summary>A child or young person; <see cref="FamilyKey"/> is the pseudonymised family or household, where the extract carries one.</summary>
public sealed record Person(string PersonKey, string? Sex, string? Ethnicity, DateOnly? DateOfBirth, string? FamilyKey = null);

public sealed record Referral(
    string ReferralId, string PersonKey, DateOnly ReferralDate, string? ReferralSourceCode, bool? ReferralNfa,
    DateOnly? CloseDate, string? ReferralTeam);

public sealed record Assessment(
    string AssessmentId, string PersonKey, string? ReferralId, DateOnly AssessmentStartDate, DateOnly? AssessmentAuthDate,
    string? AssessmentTeam);

public sealed record CpPlan(string CpPlanId, string PersonKey, DateOnly PlanStartDate, DateOnly? PlanEndDate, string? InitialCategory);

public sealed record CpVisit(string CpVisitId, string PersonKey, string CpPlanId, DateOnly VisitDate, bool? ChildSeen);

/// <summary>An episode of care; episodes sharing <see cref="PeriodOfCareId"/> make one period of care.</summary>
public sealed record CareEpisode(
    string CareEpisodeId, string PersonKey, string PeriodOfCareId, DateOnly EpisodeStartDate, DateOnly? EpisodeCeasedDate);

public sealed record CareVisit(string CareVisitId, string PersonKey, string PeriodOfCareId, DateOnly VisitDate, bool? ChildSeen);

/// <summary>An allocation of a worker to a child; <see cref="ProfessionalKey"/> is null when SSD left the worker empty.</summary>
public sealed record Involvement(
    string InvolvementId, string PersonKey, string? ProfessionalKey, string? ProfessionalRoleId, string? ProfessionalTeam,
    DateOnly InvolvementStartDate, DateOnly? InvolvementEndDate, string? ReferralId = null);

public sealed record MissingEpisode(
    string MissingEpisodeId, string PersonKey, DateOnly EpisodeStartDate, string? EpisodeType, DateOnly? EpisodeEndDate,
    bool? RhiOffered, bool? RhiAccepted, DateOnly? RhiDate);

public sealed record EarlyHelpEpisode(
    string EarlyHelpEpisodeId, string PersonKey, DateOnly EpisodeStartDate, DateOnly? EpisodeEndDate, DateOnly? AssessmentCompletedDate);

public sealed record EhcpRequest(string EhcpRequestId, DateOnly RequestDate, DateOnly? RequestOutcomeDate, string? RequestOutcome);

public sealed record EhcpAssessment(
    string EhcpAssessmentId, string EhcpRequestId, DateOnly? AssessmentOutcomeDate, string? AssessmentOutcome, bool? AssessmentExceptions);

public sealed record EhcpNamedPlan(string NamedPlanId, string EhcpAssessmentId, DateOnly PlanStartDate, DateOnly? PlanCeasedDate);

/// <summary>
/// A member of the children's services workforce (<c>ssd_professionals</c>). SSD's scripts leave the agency flag and
/// (Mosaic, Eclipse) the full-time equivalency NULL and have no source for qualification or employment dates: a worker
/// without one of them takes no part in the measures that need it.
/// </summary>
public sealed record Professional(
    string ProfessionalKey, bool? AgencyWorker, decimal? FullTimeEquivalency, bool? QualifiedSocialWorker,
    DateOnly? EmploymentStartDate, DateOnly? EmploymentEndDate);

/// <summary>
/// A row of a care-leaver snapshot. <see cref="InTouch"/> is null where SSD found no care-leaver record (SystemC): such
/// a row takes no part in the cohort (<see cref="CareLeaverCohort"/>).
/// </summary>
public sealed record CareLeaver(
    string CareLeaverId, string PersonKey, string? Eligibility, string? InTouch, DateOnly? LatestContactDate,
    string? Accommodation, string? AccommodationSuitable, string? Activity);

/// <summary>An active EHCP; <see cref="EducatedInBorough"/> is an extension column no SSD script fills (null when not supplied).</summary>
public sealed record EhcpActivePlan(string ActiveEhcpId, string? EhcpRequestId, string? PersonKey, bool? EducatedInBorough);

public sealed record MissingEducationCase(string PersonKey, DateOnly CmeStartDate);

/// <summary>The rows of one snapshot dataset as at one date.</summary>
public sealed record Snapshot<T>(DateOnly AsAt, IReadOnlyList<T> Rows)
{
    /// <summary>
    /// The manifest's <c>source_system</c> of the batch the rows came from (null: none named, or made in code): SSD
    /// systems' snapshots follow their own rules (<see cref="CareLeaverCohort.KeepsLatestContactOnly"/>).
    /// </summary>
    public string? SourceSystem { get; init; }
}

/// <summary>Mid-year estimate of the population aged 0-17 (refers to 30 June of <see cref="Year"/>).</summary>
public sealed record PopulationEstimate(int Year, int Population)
{
    /// <summary>The reference file and import the estimate came from; null for one made in code (tests, benchmarks).</summary>
    public Reference.ReferenceProvenance? Source { get; init; }
}
