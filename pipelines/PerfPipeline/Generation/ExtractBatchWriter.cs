namespace PerfPipeline.Generation;

using System.Text.Json;

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
            using var csv = new CsvFileWriter(Path.Combine(folder, file), dataset.Columns.Select(c => c.Name));
            write(csv);
            written.Add(new ManifestDataset(dataset.Name, file, csv.Rows, csv.Complete()));
        }

        await WriteManifestAsync(folder, new BatchManifest(data.LaCode, laName, asAt, sourceSystem, written), cancellationToken).ConfigureAwait(false);
        return folder;
    }

    /// <summary>Writes <c>manifest.json</c> (LF line ends, two-space indent) into the batch folder.</summary>
    public static async Task WriteManifestAsync(string folder, BatchManifest manifest, CancellationToken cancellationToken = default)
    {
        var stream = new FileStream(Path.Combine(folder, "manifest.json"), FileMode.Create, FileAccess.Write);
        await using (stream.ConfigureAwait(false))
        {
            var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" });
            await using (json.ConfigureAwait(false))
            {
                json.WriteStartObject();
                json.WriteString("la_code", manifest.LaCode);
                json.WriteString("la_name", manifest.LaName);
                json.WriteString("as_at", manifest.AsAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteString("source_system", manifest.SourceSystem);
                json.WriteStartArray("datasets");
                foreach (var dataset in manifest.Datasets)
                {
                    json.WriteStartObject();
                    json.WriteString("name", dataset.Name);
                    json.WriteString("file", dataset.File);
                    if (dataset.Rows is { } rows)
                    {
                        json.WriteNumber("rows", rows);
                    }

                    json.WriteString("sha256", dataset.Sha256);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        }
    }

    // Fields in the contract's column order for each dataset; null when the batch does not carry it.
    private static Action<CsvFileWriter>? RowWriter(DatasetContract dataset, LaCaseData data) => dataset.Name switch
    {
        "ssd_person" => Rows(data.People, static (w, r) => { w.Field(r.PersonKey); w.Field(r.Sex); w.Field(r.Ethnicity); w.Field(r.DateOfBirth); }),
        "ssd_cin_episodes" => Rows(data.Referrals, static (w, r) =>
        {
            w.Field(r.ReferralId); w.Field(r.PersonKey); w.Field(r.ReferralDate); w.Field(r.ReferralSourceCode);
            w.Field(r.ReferralNfa); w.Field(r.CloseDate); w.Field(r.ReferralTeam);
        }),
        "ssd_cin_assessments" => Rows(data.Assessments, static (w, r) =>
        {
            w.Field(r.AssessmentId); w.Field(r.PersonKey); w.Field(r.ReferralId); w.Field(r.AssessmentStartDate);
            w.Field(r.AssessmentAuthDate); w.Field(r.AssessmentTeam);
        }),
        "ssd_cp_plans" => Rows(data.CpPlans, static (w, r) =>
        {
            w.Field(r.CpPlanId); w.Field(r.PersonKey); w.Field(r.PlanStartDate); w.Field(r.PlanEndDate); w.Field(r.InitialCategory);
        }),
        "ssd_cp_visits" => Rows(data.CpVisits, static (w, r) =>
        {
            w.Field(r.CpVisitId); w.Field(r.PersonKey); w.Field(r.CpPlanId); w.Field(r.VisitDate); w.Field(r.ChildSeen);
        }),
        "ssd_cla_episodes" => Rows(data.CareEpisodes, static (w, r) =>
        {
            w.Field(r.CareEpisodeId); w.Field(r.PersonKey); w.Field(r.PeriodOfCareId); w.Field(r.EpisodeStartDate); w.Field(r.EpisodeCeasedDate);
        }),
        "ssd_cla_visits" => Rows(data.CareVisits, static (w, r) =>
        {
            w.Field(r.CareVisitId); w.Field(r.PersonKey); w.Field(r.PeriodOfCareId); w.Field(r.VisitDate); w.Field(r.ChildSeen);
        }),
        "ssd_involvements" => Rows(data.Involvements, static (w, r) =>
        {
            w.Field(r.InvolvementId); w.Field(r.PersonKey); w.Field(r.ProfessionalKey); w.Field(r.ProfessionalRoleId);
            w.Field(r.ProfessionalTeam); w.Field(r.InvolvementStartDate); w.Field(r.InvolvementEndDate);
        }),
        "ssd_missing" => Rows(data.MissingEpisodes, static (w, r) =>
        {
            w.Field(r.MissingEpisodeId); w.Field(r.PersonKey); w.Field(r.EpisodeStartDate); w.Field(r.EpisodeType); w.Field(r.EpisodeEndDate);
            w.Field(r.RhiOffered); w.Field(r.RhiAccepted); w.Field(r.RhiDate);
        }),
        "ssd_early_help_episodes" => Rows(data.EarlyHelpEpisodes, static (w, r) =>
        {
            w.Field(r.EarlyHelpEpisodeId); w.Field(r.PersonKey); w.Field(r.EpisodeStartDate); w.Field(r.EpisodeEndDate); w.Field(r.AssessmentCompletedDate);
        }),
        "ssd_ehcp_requests" => Rows(data.EhcpRequests, static (w, r) =>
        {
            w.Field(r.EhcpRequestId); w.Field(r.RequestDate); w.Field(r.RequestOutcomeDate); w.Field(r.RequestOutcome);
        }),
        "ssd_ehcp_assessment" => Rows(data.EhcpAssessments, static (w, r) =>
        {
            w.Field(r.EhcpAssessmentId); w.Field(r.EhcpRequestId); w.Field(r.AssessmentOutcomeDate); w.Field(r.AssessmentOutcome); w.Field(r.AssessmentExceptions);
        }),
        "ssd_ehcp_named_plan" => Rows(data.EhcpNamedPlans, static (w, r) =>
        {
            w.Field(r.NamedPlanId); w.Field(r.EhcpAssessmentId); w.Field(r.PlanStartDate); w.Field(r.PlanCeasedDate);
        }),
        "ssd_professionals" => Rows(data.Professionals, static (w, r) =>
        {
            w.Field(r.ProfessionalKey); w.Field(r.AgencyWorker); w.Field(r.FullTimeEquivalency); w.Field(r.QualifiedSocialWorker);
            w.Field(r.EmploymentStartDate); w.Field(r.EmploymentEndDate);
        }),
        "ssd_care_leavers" => SnapshotRows(data.CareLeaverSnapshots, static (w, r) =>
        {
            w.Field(r.CareLeaverId); w.Field(r.PersonKey); w.Field(r.Eligibility); w.Field(r.InTouch); w.Field(r.LatestContactDate);
            w.Field(r.Accommodation); w.Field(r.AccommodationSuitable); w.Field(r.Activity);
        }),
        "ssd_ehcp_active_plans" => SnapshotRows(data.EhcpActivePlanSnapshots, static (w, r) =>
        {
            w.Field(r.ActiveEhcpId); w.Field(r.EhcpRequestId); w.Field(r.PersonKey); w.Field(r.EducatedInBorough);
        }),
        "children_missing_education" => SnapshotRows(data.MissingEducationSnapshots, static (w, r) => { w.Field(r.PersonKey); w.Field(r.CmeStartDate); }),
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
