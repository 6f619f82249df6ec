namespace PerfPipeline.Tests.Ssd;

using PerfPipeline.Extracts;
using PerfPipeline.Tests.TestSupport;

/// <summary>
/// One small LA's case data (as at 2019-09-30), written either in the contract's current shape (every contract
/// column, extensions included) or as one system's SSD 1.4.5 script would write it: that system's columns
/// (<see cref="SsdColumns"/>), its spellings, its DATETIME exports, <c>NULL</c> literals, the values its script leaves
/// NULL and the tables that come out empty or broken (<c>docs/ssd/README.md</c>).
/// </summary>
internal static class SsdWorld
{
    public const string AsAt = "2019-09-30";

    /// <summary>Rows per dataset in the current shape: contract column → value (null: empty).</summary>
    private static readonly Dictionary<DatasetContract, List<Dictionary<string, string?>>> Data = new()
    {
        [ExtractContract.Person] = Rows(
            "pers_person_id,pers_sex,pers_ethnicity,pers_dob",
            "P1,F,WBRI,2012-03-14", "P2,M,WBRI,2015-11-02", "P3,F,ASIA,2006-01-20", "P4,M,MWBC,2009-07-07",
            "P5,F,WBRI,2008-02-02", "P6,M,BCRB,2010-10-10", "P7,F,WBRI,2000-05-01", "P8,M,WBRI,2001-01-01", "P9,F,WBRI,2002-02-02"),
        [ExtractContract.CinEpisodes] = Rows(
            "cine_referral_id,cine_person_id,cine_referral_date,cine_referral_source_code,cine_referral_nfa,cine_close_date,cine_referral_team",
            "R1,P1,2019-04-10,1A,N,2019-06-30,40", "R2,P2,2019-05-01,3A,N,2019-06-01,40", "R3,P3,2019-07-15,5B,N,,41",
            "R4,P1,2019-08-20,1A,Y,,40", "R5,P5,2019-01-20,2B,N,,40", "R6,P6,2019-05-20,2B,N,,41"),
        [ExtractContract.CinAssessments] = Rows(
            "cina_assessment_id,cina_person_id,cina_referral_id,cina_assessment_start_date,cina_assessment_auth_date,cina_assessment_team",
            "A1,P1,R1,2019-04-11,2019-05-20,40", "A2,P3,R3,2019-07-16,2019-08-01,41", "A3,P1,R4,2019-08-21,2019-09-25,40"),
        [ExtractContract.CpPlans] = Rows(
            "cppl_cp_plan_id,cppl_person_id,cppl_cp_plan_start_date,cppl_cp_plan_end_date,cppl_cp_plan_initial_category",
            "CP1,P2,2019-05-01,,NEG", "CP2,P4,2019-03-01,2019-08-01,EMO", "CP3,P4,2019-09-01,,EMO"),
        [ExtractContract.CpVisits] = Rows(
            "cppv_cp_visit_id,cppv_person_id,cppv_cp_plan_id,cppv_cp_visit_date,cppv_cp_visit_seen",
            "V1,P2,CP1,2019-05-05,Y", "V2,P2,CP1,2019-05-20,Y", "V3,P2,CP1,2019-07-10,N", "V4,P4,CP2,2019-03-10,Y",
            "V5,P4,CP2,2019-04-30,Y"),
        [ExtractContract.ClaEpisodes] = Rows(
            "clae_cla_episode_id,clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_ceased_date",
            "E1,P5,C1,2019-02-01,", "E2,P6,C2,2019-06-01,"),
        [ExtractContract.ClaVisits] = Rows(
            "clav_cla_visit_id,clav_person_id,clav_cla_id,clav_cla_visit_date,clav_cla_visit_seen",
            "CV1,P5,C1,2019-02-05,Y", "CV2,P5,C1,2019-08-01,Y", "CV3,P6,C2,2019-06-03,Y", "CV4,P6,C2,2019-07-20,Y"),
        [ExtractContract.Involvements] = Rows(
            "invo_involvements_id,invo_person_id,invo_professional_id,invo_professional_role_id,invo_professional_team,invo_involvement_start_date,invo_involvement_end_date,invo_referral_id",
            "I1,P5,W1,Social Worker,40,2019-02-01,2019-06-30,R5", "I2,P5,W2,Social Worker,40,2019-07-01,,R5",
            "I3,P6,W1,Social Worker,41,2019-06-01,,R6"),
        [ExtractContract.Missing] = Rows(
            "miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type,miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted,miss_missing_rhi_date",
            "M1,P3,2019-07-01,Missing,2019-07-02,Y,Y,2019-07-04", "M2,P3,2019-08-10,Absent,2019-08-11,,,",
            "M3,P4,2019-09-01,Missing,2019-09-03,Y,N,2019-09-10"),
        [ExtractContract.EarlyHelpEpisodes] = Rows(
            "earl_episode_id,earl_person_id,earl_episode_start_date,earl_episode_end_date,earl_assessment_completed_date",
            "EH1,P1,2019-04-01,,2019-04-20", "EH2,P6,2019-07-01,2019-09-01,2019-07-25"),
        [ExtractContract.Professionals] = Rows(
            "prof_professional_id,prof_agency_worker_flag,prof_full_time_equivalency,prof_qualified_social_worker,prof_employment_start_date,prof_employment_end_date",
            "W1,N,1,Y,2015-01-01,", "W2,N,0.5,Y,2018-01-01,2019-08-31", "W3,Y,1,Y,2019-01-01,"),
        // The teams' department ids (40, 41) with their names, and the service above them, in every system's script.
        [ExtractContract.Departments] = Rows(
            "dept_team_id,dept_team_name,dept_team_parent_id",
            "10,Children's Social Care,", "40,Assessment Team North,10", "41,Children in Care,10"),
        [ExtractContract.CareLeavers] = Rows(
            "clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity",
            "CL1,P7,Former relevant,YES,2019-09-01,U1,,F1", "CL2,P8,Former relevant,NO,2019-06-01,B2,,G5"),

        // No SSD script fills the EHCP tables (the SEN system holds them) and children missing education has no SSD
        // table: a native batch carries them header-only, a completed one with these rows.
        [ExtractContract.EhcpRequests] = Rows(
            "ehcr_ehcp_request_id,ehcr_ehcp_req_date,ehcr_ehcp_req_outcome_date,ehcr_ehcp_req_outcome",
            "Q1,2019-03-01,2019-04-01,Assess", "Q2,2019-04-15,2019-05-20,Assess"),
        [ExtractContract.EhcpAssessments] = Rows(
            "ehca_ehcp_assessment_id,ehca_ehcp_request_id,ehca_ehcp_assessment_outcome_date,ehca_ehcp_assessment_outcome,ehca_ehcp_assessment_exceptions",
            "EA1,Q1,2019-05-01,Issue,N", "EA2,Q2,2019-06-20,Issue,N"),
        [ExtractContract.EhcpNamedPlans] = Rows(
            "ehcn_named_plan_id,ehcn_ehcp_asmt_id,ehcn_named_plan_start_date,ehcn_named_plan_ceased_date",
            "NP1,EA1,2019-07-10,", "NP2,EA2,2019-09-20,"),
        [ExtractContract.EhcpActivePlans] = Rows(
            "ehcp_active_ehcp_id,ehcp_ehcp_request_id,ehcp_person_id,ehcp_educated_in_borough",
            "AP1,Q1,P1,Y", "AP2,Q2,P4,N"),
        [ExtractContract.ChildrenMissingEducation] = Rows("cme_person_id,cme_start_date", "P3,2019-09-01"),
    };

    /// <summary>
    /// SystemC's script writes its eligibility cohort: more rows for a person (a new <c>clea_table_id</c> each) and NULL
    /// in_touch where it finds no care-leaver record. The person's latest contact alone counts, and the row without
    /// in_touch not at all, so the figures stay those of the current shape.
    /// </summary>
    private static readonly List<Dictionary<string, string?>> SystemCCohortRows = Rows(
        "clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch,clea_care_leaver_latest_contact,clea_care_leaver_accommodation,clea_care_leaver_accom_suitable,clea_care_leaver_activity",
        "CL7-2018,P7,Former relevant,NO,2019-03-01,B2,,G5", "CL9,P9,No Current Eligibility,,,,,");

    private static readonly DatasetContract[] NotFromSsd =
        [ExtractContract.EhcpRequests, ExtractContract.EhcpAssessments, ExtractContract.EhcpNamedPlans, ExtractContract.EhcpActivePlans];

    /// <summary>
    /// The batch in the contract's current shape: every dataset above, every contract column; as at
    /// <paramref name="asAt"/>, with <paramref name="departments"/> (CSV) as its department list when given, or with none.
    /// </summary>
    public static void WriteCurrentShape(string extractsRoot, string laCode, string asAt = AsAt, string? departments = null, bool withoutDepartments = false)
    {
        var batch = new BatchBuilder(extractsRoot, laCode, asAt);
        foreach (var (contract, rows) in Data)
        {
            if (contract == ExtractContract.Departments && (withoutDepartments || departments is not null))
            {
                if (departments is not null)
                {
                    batch.WithDataset(contract.Name, departments);
                }

                continue;
            }

            batch.WithDataset(contract.Name, Csv([.. contract.Columns.Select(c => c.Name)], rows, v => v ?? string.Empty));
        }

        batch.Build();
    }

    /// <summary>
    /// The same data as <paramref name="system"/>'s SSD script writes it, and a manifest naming the system. Completed: as
    /// an LA that adds what SSD lacks delivers it, with the extension columns and dataset, the columns the scripts leave
    /// NULL filled in, the tables a script fails to build, the EHCP tables from the SEN system, its population estimate
    /// and (where the system writes its own role names) its allocated roles.
    /// </summary>
    public static void WriteNative(string extractsRoot, string laCode, string system, bool completed = false)
    {
        var batch = new BatchBuilder(extractsRoot, laCode, AsAt).WithSourceSystem(system, "1.4.5");
        foreach (var contract in ExtractContract.Datasets.Where(d => completed || d != ExtractContract.ChildrenMissingEducation))
        {
            // Mosaic's 1.4.5 script builds no ssd_cp_plans, ssd_cp_visits or ssd_care_leavers: the LA delivers without them.
            if (!completed && system == "Mosaic" && (contract == ExtractContract.CpPlans || contract == ExtractContract.CpVisits || contract == ExtractContract.CareLeavers))
            {
                continue;
            }

            IReadOnlyList<string> header = SsdColumns.Of(contract.Name, system);
            if (completed)
            {
                header = [.. header, .. contract.Columns.Select(c => c.Name).Where(c => !header.Contains(c))];
            }

            var rows = Data.GetValueOrDefault(contract) ?? [];
            if (system == "SystemC" && contract == ExtractContract.CareLeavers)
            {
                rows = [.. rows, .. SystemCCohortRows];
            }

            // No script populates the EHCP tables: header-only files.
            batch.WithDataset(contract.Name, rows.Count == 0 || (!completed && NotFromSsd.Contains(contract))
                ? string.Join(',', header) + "\n"
                : Csv(header, [.. rows.Select(row => completed ? Completed(contract, row, system) : Native(contract, row, system))], v => v ?? "NULL"));
        }

        if (completed)
        {
            Directory.CreateDirectory(Path.Combine(extractsRoot, laCode, "reference"));
            File.WriteAllText(Path.Combine(extractsRoot, laCode, "reference", "population.csv"), $"la_code,year,population_0_17\n{laCode},2018,20000\n{laCode},2019,20000\n");
            if (system != "SystemC")
            {
                File.WriteAllText(Path.Combine(extractsRoot, laCode, "reference", "allocated-roles.csv"), "role\nAllocated Social Worker (Eclipse)\n");
            }
        }

        // SSD tables the contract does not read travel with the export.
        batch.WithDataset("ssd_address", "addr_table_id,addr_person_id,addr_address_json,addr_address_postcode\nAD1,P1,\"{\"\"line1\"\":\"\"1 High Street\"\"}\",RG40 1AA\n");
        batch.Build();
    }

    /// <summary>A row as <paramref name="system"/> writes it: its spellings and dates, and NULL where its script has no value.</summary>
    private static Dictionary<string, string?> Native(DatasetContract contract, Dictionary<string, string?> row, string system)
    {
        var native = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var column in contract.Columns)
        {
            var value = row.GetValueOrDefault(column.Name);
            native[column.Name] = column.Kind == ColumnKind.Date && value is not null ? DateTimeExport(value, system) : value;
        }

        switch (contract.Name)
        {
            case "ssd_missing":
                native["miss_missing_episode_type"] = system == "Mosaic" ? native["miss_missing_episode_type"]![..1] : native["miss_missing_episode_type"];
                native["miss_missing_rhi_offered"] ??= system == "SystemC" ? "NA" : null;
                native["miss_missing_rhi_accepted"] ??= system == "SystemC" ? "NA" : null;
                break;
            case "ssd_care_leavers" when system == "SystemC" && row["clea_care_leaver_accommodation"] is { } accommodation:
                native["clea_care_leaver_accommodation"] = accommodation == "U1" ? "Independent living" : "Parents or relatives";
                native["clea_care_leaver_accom_suitable"] = accommodation[1] == '1' ? "Accommodation considered suitable" : "Accommodation considered unsuitable";
                native["clea_care_leaver_activity"] = row["clea_care_leaver_activity"] == "F1" ? "Full time in higher education" : "Not in education, training or employment, owing to other reasons";
                break;
            case "ssd_care_leavers" when system == "SystemC":
                break;
            case "ssd_care_leavers":
                native["clea_care_leaver_accommodation"] = row["clea_care_leaver_accommodation"]![..1];
                native["clea_care_leaver_accom_suitable"] = row["clea_care_leaver_accommodation"]![1..];
                break;
            case "ssd_cp_plans" when system == "SystemC":
                native["cppl_cp_plan_initial_category"] = row["cppl_cp_plan_initial_category"] == "NEG" ? "Neglect" : "Emotional Abuse";
                break;
            case "ssd_cp_visits" when system == "Eclipse":
                // Eclipse's visit plan ids need not match cppl_cp_plan_id: derived from the person's plan covering the date.
                native["cppv_cp_plan_id"] = $"ECL-{row["cppv_cp_plan_id"]}";
                break;
            case "ssd_involvements":
                // SystemC writes SSD's role code since 1.4.5; Eclipse its own role names.
                native["invo_professional_role_id"] = system == "SystemC" ? "CW" : "Allocated Social Worker (Eclipse)";
                break;
            case "ssd_professionals":
                native["prof_agency_worker_flag"] = null;
                native["prof_full_time_equivalency"] = system == "SystemC" ? native["prof_full_time_equivalency"] : null;
                native["prof_professional_id"] = system == "Mosaic" ? null : native["prof_professional_id"];
                break;
        }

        return native;
    }

    /// <summary>A native row with the values its script leaves NULL filled in from the data (the LA's own additions).</summary>
    private static Dictionary<string, string?> Completed(DatasetContract contract, Dictionary<string, string?> row, string system)
    {
        var native = Native(contract, row, system);
        foreach (var column in new[] { "prof_professional_id", "prof_agency_worker_flag", "prof_full_time_equivalency", "cppv_person_id", "invo_person_id" })
        {
            if (native.ContainsKey(column))
            {
                native[column] = row[column];
            }
        }

        return native;
    }

    private static string DateTimeExport(string date, string system) => system == "Eclipse" ? $"{date} 00:00:00" : $"{date} 00:00:00.000";

    private static string Csv(IReadOnlyList<string> header, List<Dictionary<string, string?>> rows, Func<string?, string> cell) =>
        string.Join(',', header) + "\n" + string.Concat(rows.Select(row =>
            string.Join(',', header.Select(h => Quote(cell(row.GetValueOrDefault(h) ?? (row.ContainsKey(h) ? null : Filler(h)))))) + "\n"));

    // SSD columns the contract does not read: some value, as a real export carries (never stored).
    private static string? Filler(string column) => column.EndsWith("_json", StringComparison.Ordinal) ? null : $"x-{column}";

    private static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) ? $"\"{value}\"" : value;

    private static List<Dictionary<string, string?>> Rows(string header, params string[] lines)
    {
        var columns = header.Split(',');
        return [.. lines.Select(line => columns.Zip(line.Split(','), (c, v) => (c, v)).ToDictionary(p => p.c, p => string.IsNullOrEmpty(p.v) ? null : p.v, StringComparer.Ordinal))];
    }
}
