namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>
/// Writes case data as a contract batch: <c>{la}/{as_at}/{dataset}.csv</c> with the contract's headers in its
/// column order, then <c>manifest.json</c> (rows and SHA-256 of each file) last, as an LA's extract job does.
/// </summary>
internal static class ExtractBatchWriter
{
    public static async Task<string> WriteAsync(
        string root, string laName, string sourceSystem, LaCaseData data, DateOnly asAt, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(root, data.LaCode, asAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var written = new List<ManifestDataset>();
        foreach (var dataset in ExtractContract.Datasets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var write = RowWriter(dataset, data);
            if (write is null)
            {
                continue;
            }

            var file = dataset.Name + ".csv";
            using var csv = new CsvFileWriter(Path.Combine(folder, file), dataset);
            write(csv);
            written.Add(new ManifestDataset(dataset.Name, file, csv.Rows, csv.Complete()));
        }

        await ManifestWriter.WriteFileAsync(folder, new BatchManifest(data.LaCode, laName, asAt, sourceSystem, written), cancellationToken).ConfigureAwait(false);
        return folder;
    }

    // Each dataset's fields by the contract's column names; null when the batch does not carry the dataset.
    private static Action<CsvFileWriter>? RowWriter(DatasetContract dataset, LaCaseData data) => dataset.Name switch
    {
        "ssd_person" => Rows(data.People, static (w, r) =>
        {
            w.Field("pers_person_id", r.PersonKey);
            w.Field("pers_sex", r.Sex);
            w.Field("pers_ethnicity", r.Ethnicity);
            w.Field("pers_dob", r.DateOfBirth);
            w.Field("pers_family_id", r.FamilyKey);
        }),
        "ssd_cin_episodes" => Rows(data.Referrals, static (w, r) =>
        {
            w.Field("cine_referral_id", r.ReferralId);
            w.Field("cine_person_id", r.PersonKey);
            w.Field("cine_referral_date", r.ReferralDate);
            w.Field("cine_referral_source_code", r.ReferralSourceCode);
            w.Field("cine_referral_nfa", r.ReferralNfa);
            w.Field("cine_close_date", r.CloseDate);
            w.Field("cine_referral_team", r.ReferralTeam);
        }),
        "ssd_cin_assessments" => Rows(data.Assessments, static (w, r) =>
        {
            w.Field("cina_assessment_id", r.AssessmentId);
            w.Field("cina_person_id", r.PersonKey);
            w.Field("cina_referral_id", r.ReferralId);
            w.Field("cina_assessment_start_date", r.AssessmentStartDate);
            w.Field("cina_assessment_auth_date", r.AssessmentAuthDate);
            w.Field("cina_assessment_team", r.AssessmentTeam);
        }),
        "ssd_cp_plans" => Rows(data.CpPlans, static (w, r) =>
        {
            w.Field("cppl_cp_plan_id", r.CpPlanId);
            w.Field("cppl_person_id", r.PersonKey);
            w.Field("cppl_cp_plan_start_date", r.PlanStartDate);
            w.Field("cppl_cp_plan_end_date", r.PlanEndDate);
            w.Field("cppl_cp_plan_initial_category", r.InitialCategory);
        }),
        "ssd_cp_visits" => Rows(data.CpVisits, static (w, r) =>
        {
            w.Field("cppv_cp_visit_id", r.CpVisitId);
            w.Field("cppv_person_id", r.PersonKey);
            w.Field("cppv_cp_plan_id", r.CpPlanId);
            w.Field("cppv_cp_visit_date", r.VisitDate);
            w.Field("cppv_cp_visit_seen", r.ChildSeen);
        }),
        "ssd_cla_episodes" => Rows(data.CareEpisodes, static (w, r) =>
        {
            w.Field("clae_cla_episode_id", r.CareEpisodeId);
            w.Field("clae_person_id", r.PersonKey);
            w.Field("clae_cla_id", r.PeriodOfCareId);
            w.Field("clae_cla_episode_start_date", r.EpisodeStartDate);
            w.Field("clae_cla_episode_ceased_date", r.EpisodeCeasedDate);
        }),
        "ssd_cla_visits" => Rows(data.CareVisits, static (w, r) =>
        {
            w.Field("clav_cla_visit_id", r.CareVisitId);
            w.Field("clav_person_id", r.PersonKey);
            w.Field("clav_cla_id", r.PeriodOfCareId);
            w.Field("clav_cla_visit_date", r.VisitDate);
            w.Field("clav_cla_visit_seen", r.ChildSeen);
        }),
        "ssd_involvements" => Rows(data.Involvements, static (w, r) =>
        {
            w.Field("invo_involvements_id", r.InvolvementId);
            w.Field("invo_person_id", r.PersonKey);
            w.Field("invo_professional_id", r.ProfessionalKey);
            w.Field("invo_professional_role_id", r.ProfessionalRoleId);
            w.Field("invo_professional_team", r.ProfessionalTeam);
            w.Field("invo_involvement_start_date", r.InvolvementStartDate);
            w.Field("invo_involvement_end_date", r.InvolvementEndDate);
        }),
        "ssd_missing" => Rows(data.MissingEpisodes, static (w, r) =>
        {
            w.Field("miss_table_id", r.MissingEpisodeId);
            w.Field("miss_person_id", r.PersonKey);
            w.Field("miss_missing_episode_start_date", r.EpisodeStartDate);
            w.Field("miss_missing_episode_type", r.EpisodeType);
            w.Field("miss_missing_episode_end_date", r.EpisodeEndDate);
            w.Field("miss_missing_rhi_offered", r.RhiOffered);
            w.Field("miss_missing_rhi_accepted", r.RhiAccepted);
            w.Field("miss_missing_rhi_date", r.RhiDate);
        }),
        "ssd_early_help_episodes" => Rows(data.EarlyHelpEpisodes, static (w, r) =>
        {
            w.Field("earl_episode_id", r.EarlyHelpEpisodeId);
            w.Field("earl_person_id", r.PersonKey);
            w.Field("earl_episode_start_date", r.EpisodeStartDate);
            w.Field("earl_episode_end_date", r.EpisodeEndDate);
            w.Field("earl_assessment_completed_date", r.AssessmentCompletedDate);
        }),
        "ssd_ehcp_requests" => Rows(data.EhcpRequests, static (w, r) =>
        {
            w.Field("ehcr_ehcp_request_id", r.EhcpRequestId);
            w.Field("ehcr_ehcp_req_date", r.RequestDate);
            w.Field("ehcr_ehcp_req_outcome_date", r.RequestOutcomeDate);
            w.Field("ehcr_ehcp_req_outcome", r.RequestOutcome);
        }),
        "ssd_ehcp_assessment" => Rows(data.EhcpAssessments, static (w, r) =>
        {
            w.Field("ehca_ehcp_assessment_id", r.EhcpAssessmentId);
            w.Field("ehca_ehcp_request_id", r.EhcpRequestId);
            w.Field("ehca_ehcp_assessment_outcome_date", r.AssessmentOutcomeDate);
            w.Field("ehca_ehcp_assessment_outcome", r.AssessmentOutcome);
            w.Field("ehca_ehcp_assessment_exceptions", r.AssessmentExceptions);
        }),
        "ssd_ehcp_named_plan" => Rows(data.EhcpNamedPlans, static (w, r) =>
        {
            w.Field("ehcn_named_plan_id", r.NamedPlanId);
            w.Field("ehcn_ehcp_asmt_id", r.EhcpAssessmentId);
            w.Field("ehcn_named_plan_start_date", r.PlanStartDate);
            w.Field("ehcn_named_plan_ceased_date", r.PlanCeasedDate);
        }),
        "ssd_professionals" => Rows(data.Professionals, static (w, r) =>
        {
            w.Field("prof_professional_id", r.ProfessionalKey);
            w.Field("prof_agency_worker_flag", r.AgencyWorker);
            w.Field("prof_full_time_equivalency", r.FullTimeEquivalency);
            w.Field("prof_qualified_social_worker", r.QualifiedSocialWorker);
            w.Field("prof_employment_start_date", r.EmploymentStartDate);
            w.Field("prof_employment_end_date", r.EmploymentEndDate);
        }),
        "ssd_care_leavers" => SnapshotRows(data.CareLeaverSnapshots, static (w, r) =>
        {
            w.Field("clea_table_id", r.CareLeaverId);
            w.Field("clea_person_id", r.PersonKey);
            w.Field("clea_care_leaver_eligibility", r.Eligibility);
            w.Field("clea_care_leaver_in_touch", r.InTouch);
            w.Field("clea_care_leaver_latest_contact", r.LatestContactDate);
            w.Field("clea_care_leaver_accommodation", r.Accommodation);
            w.Field("clea_care_leaver_accom_suitable", r.AccommodationSuitable);
            w.Field("clea_care_leaver_activity", r.Activity);
        }),
        "ssd_ehcp_active_plans" => SnapshotRows(data.EhcpActivePlanSnapshots, static (w, r) =>
        {
            w.Field("ehcp_active_ehcp_id", r.ActiveEhcpId);
            w.Field("ehcp_ehcp_request_id", r.EhcpRequestId);
            w.Field("ehcp_person_id", r.PersonKey);
            w.Field("ehcp_educated_in_borough", r.EducatedInBorough);
        }),
        "children_missing_education" => SnapshotRows(data.MissingEducationSnapshots, static (w, r) =>
        {
            w.Field("cme_person_id", r.PersonKey);
            w.Field("cme_start_date", r.CmeStartDate);
        }),

        // The generated LAs' teams are names, not department ids: no department list to give.
        "ssd_department" => null,
        _ => throw new InvalidOperationException($"No writer for dataset {dataset.Name}."),
    };

    private static Action<CsvFileWriter> Rows<T>(IReadOnlyList<T> rows, Action<CsvFileWriter, T> fields) => writer =>
    {
        foreach (var row in rows)
        {
            fields(writer, row);
            writer.EndRow();
        }
    };

    private static Action<CsvFileWriter>? SnapshotRows<T>(IReadOnlyList<Snapshot<T>> snapshots, Action<CsvFileWriter, T> fields) =>
        snapshots.Count == 0 ? null : Rows(snapshots[0].Rows, fields);
}
