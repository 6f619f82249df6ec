namespace PerfPipeline.Extracts;

using static ColumnKind;

/// <summary>
/// The extract contract v1: the 18 datasets, their columns, and the warehouse table and column
/// each is stored as. This is the single source of truth for reading, validating and storing.
/// </summary>
public static class ExtractContract
{
    /// <summary>
    /// The longest record (one row, all its fields, line breaks inside quotes included) in characters. Longer is a row
    /// error, never an exception, and memory per file read stays bounded.
    /// </summary>
    public const int MaxRecordLength = 1 << 20;

    /// <summary>Dates outside these years are row errors: no child's record runs before 1900 or after 2100.</summary>
    public const int MinDateYear = 1900;

    /// <inheritdoc cref="MinDateYear"/>
    public const int MaxDateYear = 2100;

    /// <summary>
    /// The longest value read from a code column that SSD writes as descriptions (its <c>nvarchar(100)</c>): what is
    /// stored is always the code the description means, never the description.
    /// </summary>
    public const int SsdTextLength = 100;

    /// <summary>A worker's full-time equivalency is more than 0 and at most this.</summary>
    public const decimal MaxFullTimeEquivalency = 1.5m;

    /// <summary>
    /// The longest value of each column kind, in characters. Record identifiers, text and codes match the warehouse's
    /// columns (SQL Server <c>nvarchar(100)</c>, <c>nvarchar(400)</c> and <c>nvarchar(20)</c>; SQLite's TEXT has no
    /// limit, so the reader is what keeps the two dialects alike); a person identifier is stored only as its 32-character
    /// pseudonym, but its clear form is held to the record identifiers' limit; dates, flags and numbers are parsed, and
    /// their limits only bound what a broken row can carry.
    /// </summary>
    public static int MaxValueLength(ColumnKind kind) => kind switch
    {
        ColumnKind.RecordId or ColumnKind.PersonId => 100,
        ColumnKind.Text => 400,
        ColumnKind.Code => 20,
        ColumnKind.Date => 40,
        ColumnKind.Flag => 10,
        ColumnKind.Number => 40,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static readonly IReadOnlyList<string> MissingEpisodeTypes = ["Missing", "Absent"];

    /// <summary>SSD's code list (<c>M</c>, <c>A</c>) and its guidance text ("Missing/Away").</summary>
    public static readonly IReadOnlyDictionary<string, string> MissingEpisodeTypeSpellings = Spelled(
        ("M", "Missing"), ("A", "Absent"), ("Away", "Absent"));

    public static readonly IReadOnlyList<string> CareLeaverInTouchCodes = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"];

    public static readonly IReadOnlyList<string> AccommodationSuitabilityCodes = ["Suitable", "Unsuitable", "1", "2"];

    /// <summary>
    /// SSDA903 ACCOM: a letter B to Z, then 1 (suitable) or 2 (unsuitable); or the letter alone, as SSD writes it, with
    /// the suitability in <c>clea_care_leaver_accom_suitable</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> AccommodationCodes =
        [
            .. Enumerable.Range('B', 'Z' - 'B' + 1).SelectMany(letter => new[] { $"{(char)letter}1", $"{(char)letter}2" }),
            .. Enumerable.Range('B', 'Z' - 'B' + 1).Select(letter => $"{(char)letter}"),
        ];

    /// <summary>The SSDA903 descriptions of the accommodation letters, as SystemC's SSD writes them (its lookup's text).</summary>
    public static readonly IReadOnlyDictionary<string, string> AccommodationSpellings = Spelled(
        ("Parents or relatives", "B"), ("Parents/relatives", "B"),
        ("Community home or other form of residential care", "C"),
        ("Semi-independent, transitional accommodation", "D"), ("Semi-independent transitional accommodation", "D"),
        ("Supported lodgings", "E"), ("Gone abroad", "G"), ("Deported", "H"),
        ("Ordinary lodgings, without formal support", "K"), ("Ordinary lodgings", "K"),
        ("Residence not known", "R"), ("No fixed abode/homeless", "S"), ("No fixed abode or homeless", "S"),
        ("Foyers and similar supported accommodation", "T"), ("Foyers", "T"), ("Independent living", "U"),
        ("Emergency accommodation", "V"), ("Bed and breakfast", "W"), ("In custody", "X"),
        ("Other accommodation", "Y"), ("With former foster carers", "Z"));

    /// <summary>Suitability as descriptions (SystemC; Eclipse's source text, which its script maps to 1/2).</summary>
    public static readonly IReadOnlyDictionary<string, string> AccommodationSuitabilitySpellings = Spelled(
        ("Accommodation considered suitable", "Suitable"), ("Accommodation considered unsuitable", "Unsuitable"));

    /// <summary>SSDA903 ACTIV: F1-F5, P1-P5, G4-G6.</summary>
    public static readonly IReadOnlyList<string> ActivityCodes =
        ["F1", "F2", "F3", "F4", "F5", "P1", "P2", "P3", "P4", "P5", "G4", "G5", "G6"];

    /// <summary>The SSDA903 descriptions of the activity codes, as SystemC's SSD writes them (its lookup's text).</summary>
    public static readonly IReadOnlyDictionary<string, string> ActivitySpellings = Spelled(
        ("Full time in higher education", "F1"), ("Part time in higher education", "P1"),
        ("Full time in education other than higher education", "F2"), ("Part time in education other than higher education", "P2"),
        ("Full time in training or employment", "F4"), ("Part time in training or employment", "P4"),
        ("Not in education, training or employment, owing to illness or disability", "G4"),
        ("Not in education, training or employment, owing to other reasons", "G5"),
        ("Not in education, training or employment, owing to pregnancy or parenting", "G6"));

    /// <summary>The flag SSD writes where a return interview does not apply: read as no value.</summary>
    public const string NotApplicableFlag = "NA";

    /// <summary>
    /// The text SQL Server Management Studio writes for an empty cell unless told otherwise: no value, in every column.
    /// </summary>
    public const string NullLiteral = "NULL";

    public static readonly DatasetContract Person = Event("ssd_person", "dim_person",
        [
            Col("pers_person_id", PersonId, true, "person_key"),
            Col("pers_sex", Text, false, "sex"),
            Col("pers_ethnicity", Text, false, "ethnicity"),
            Col("pers_dob", Date, false, "date_of_birth"),

            // The child's family or household, where the system records one (SSD keeps it in ssd_family.fami_family_id):
            // pseudonymised like a person id, so the report can say how many families a small cohort came from.
            Col("pers_family_id", PersonId, false, "family_key") with { Extension = true },
        ]);

    public static readonly DatasetContract CinEpisodes = Event("ssd_cin_episodes", "fact_referral",
        [
            Col("cine_referral_id", RecordId, true, "referral_id"),
            Col("cine_person_id", PersonId, true, "person_key"),
            Col("cine_referral_date", Date, true, "referral_date"),
            Col("cine_referral_source_code", Text, false, "referral_source_code"),
            Col("cine_referral_nfa", Flag, false, "referral_nfa"),
            Col("cine_close_date", Date, false, "close_date"),
            Col("cine_referral_team", Text, false, "referral_team"),
        ],
        new DateRange("cine_referral_date", "cine_close_date"));

    public static readonly DatasetContract CinAssessments = Event("ssd_cin_assessments", "fact_assessment",
        [
            Col("cina_assessment_id", RecordId, true, "assessment_id"),
            Col("cina_person_id", PersonId, true, "person_key"),
            Col("cina_referral_id", RecordId, false, "referral_id"),
            Col("cina_assessment_start_date", Date, true, "assessment_start_date"),
            Col("cina_assessment_auth_date", Date, false, "assessment_auth_date"),
            Col("cina_assessment_team", Text, false, "assessment_team"),
        ]);

    public static readonly DatasetContract CpPlans = Event("ssd_cp_plans", "fact_cp_plan",
        [
            Col("cppl_cp_plan_id", RecordId, true, "cp_plan_id"),
            Col("cppl_person_id", PersonId, true, "person_key"),
            Col("cppl_cp_plan_start_date", Date, true, "plan_start_date"),
            Col("cppl_cp_plan_end_date", Date, false, "plan_end_date"),
            Col("cppl_cp_plan_initial_category", Text, false, "initial_category"),
        ],
        new DateRange("cppl_cp_plan_start_date", "cppl_cp_plan_end_date"));

    public static readonly DatasetContract CpVisits = Event("ssd_cp_visits", "fact_cp_visit",
        [
            Col("cppv_cp_visit_id", RecordId, true, "cp_visit_id"),
            Col("cppv_person_id", PersonId, true, "person_key") with { DerivedFrom = "the plan's person (cppv_cp_plan_id → cppl_person_id)" },
            Col("cppv_cp_plan_id", RecordId, true, "cp_plan_id") with { DerivedFrom = "the person's plan covering the visit date" },
            Col("cppv_cp_visit_date", Date, true, "visit_date"),
            Col("cppv_cp_visit_seen", Flag, false, "child_seen"),
        ]);

    public static readonly DatasetContract ClaEpisodes = Event("ssd_cla_episodes", "fact_care_episode",
        [
            Col("clae_cla_episode_id", RecordId, true, "care_episode_id"),
            Col("clae_person_id", PersonId, true, "person_key"),
            Col("clae_cla_id", RecordId, true, "period_of_care_id"),
            Col("clae_cla_episode_start_date", Date, true, "episode_start_date"),
            Col("clae_cla_episode_ceased_date", Date, false, "episode_ceased_date"),
        ],
        new DateRange("clae_cla_episode_start_date", "clae_cla_episode_ceased_date"));

    public static readonly DatasetContract ClaVisits = Event("ssd_cla_visits", "fact_care_visit",
        [
            Col("clav_cla_visit_id", RecordId, true, "care_visit_id"),
            Col("clav_person_id", PersonId, true, "person_key"),
            Col("clav_cla_id", RecordId, true, "period_of_care_id"),
            Col("clav_cla_visit_date", Date, true, "visit_date"),
            Col("clav_cla_visit_seen", Flag, false, "child_seen"),
        ]);

    public static readonly DatasetContract Involvements = Event("ssd_involvements", "fact_involvement",
        [
            Col("invo_involvements_id", RecordId, true, "involvement_id"),
            Col("invo_person_id", PersonId, true, "person_key") with { DerivedFrom = "the person of the involvement's referral (invo_referral_id → cine_person_id)" },
            Col("invo_professional_id", PersonId, false, "professional_key"),
            Col("invo_professional_role_id", Text, false, "professional_role_id"),
            Col("invo_professional_team", Text, false, "professional_team"),
            Col("invo_involvement_start_date", Date, true, "involvement_start_date"),
            Col("invo_involvement_end_date", Date, false, "involvement_end_date"),
            Col("invo_referral_id", RecordId, false, "referral_id"),
        ],
        new DateRange("invo_involvement_start_date", "invo_involvement_end_date"));

    public static readonly DatasetContract Missing = Event("ssd_missing", "fact_missing_episode",
        [
            Col("miss_table_id", RecordId, true, "missing_episode_id"),
            Col("miss_person_id", PersonId, true, "person_key"),
            Col("miss_missing_episode_start_date", Date, true, "episode_start_date"),
            Col("miss_missing_episode_type", Code, false, "episode_type") with { Codes = MissingEpisodeTypes, Spellings = MissingEpisodeTypeSpellings, MaxLength = SsdTextLength },
            Col("miss_missing_episode_end_date", Date, false, "episode_end_date"),
            Col("miss_missing_rhi_offered", Flag, false, "rhi_offered"),
            Col("miss_missing_rhi_accepted", Flag, false, "rhi_accepted"),
            Col("miss_missing_rhi_date", Date, false, "rhi_date") with { Extension = true },
        ],
        new DateRange("miss_missing_episode_start_date", "miss_missing_episode_end_date"));

    public static readonly DatasetContract EarlyHelpEpisodes = Event("ssd_early_help_episodes", "fact_early_help_episode",
        [
            Col("earl_episode_id", RecordId, true, "early_help_episode_id"),
            Col("earl_person_id", PersonId, true, "person_key"),
            Col("earl_episode_start_date", Date, true, "episode_start_date"),
            Col("earl_episode_end_date", Date, false, "episode_end_date"),
            Col("earl_assessment_completed_date", Date, false, "assessment_completed_date") with { Extension = true },
        ],
        new DateRange("earl_episode_start_date", "earl_episode_end_date"));

    public static readonly DatasetContract EhcpRequests = Event("ssd_ehcp_requests", "fact_ehcp_request",
        [
            Col("ehcr_ehcp_request_id", RecordId, true, "ehcp_request_id"),
            Col("ehcr_ehcp_req_date", Date, true, "request_date"),
            Col("ehcr_ehcp_req_outcome_date", Date, false, "request_outcome_date"),
            Col("ehcr_ehcp_req_outcome", Text, false, "request_outcome"),
        ]);

    public static readonly DatasetContract EhcpAssessments = Event("ssd_ehcp_assessment", "fact_ehcp_assessment",
        [
            Col("ehca_ehcp_assessment_id", RecordId, true, "ehcp_assessment_id"),
            Col("ehca_ehcp_request_id", RecordId, true, "ehcp_request_id"),
            Col("ehca_ehcp_assessment_outcome_date", Date, false, "assessment_outcome_date"),
            Col("ehca_ehcp_assessment_outcome", Text, false, "assessment_outcome"),
            Col("ehca_ehcp_assessment_exceptions", Flag, false, "assessment_exceptions"),
        ]);

    public static readonly DatasetContract EhcpNamedPlans = Event("ssd_ehcp_named_plan", "fact_ehcp_named_plan",
        [
            Col("ehcn_named_plan_id", RecordId, true, "named_plan_id"),
            Col("ehcn_ehcp_asmt_id", RecordId, true, "ehcp_assessment_id"),
            Col("ehcn_named_plan_start_date", Date, true, "plan_start_date"),
            Col("ehcn_named_plan_ceased_date", Date, false, "plan_ceased_date"),
        ],
        new DateRange("ehcn_named_plan_start_date", "ehcn_named_plan_ceased_date"));

    public static readonly DatasetContract Professionals = Event("ssd_professionals", "fact_workforce",
        [
            Col("prof_professional_id", PersonId, true, "professional_key"),
            Col("prof_agency_worker_flag", Flag, false, "agency_worker"),
            Col("prof_full_time_equivalency", Number, false, "full_time_equivalency") with { Range = new NumberRange(0, MaxFullTimeEquivalency) },
            Col("prof_qualified_social_worker", Flag, false, "qualified_social_worker") with { Extension = true },
            Col("prof_employment_start_date", Date, false, "employment_start_date") with { Extension = true },
            Col("prof_employment_end_date", Date, false, "employment_end_date") with { Extension = true },
        ],
        new DateRange("prof_employment_start_date", "prof_employment_end_date"));

    public static readonly DatasetContract CareLeavers = Snapshot("ssd_care_leavers", "fact_care_leaver_snapshot",
        [
            Col("clea_table_id", RecordId, true, "care_leaver_id"),
            Col("clea_person_id", PersonId, true, "person_key"),
            Col("clea_care_leaver_eligibility", Text, false, "eligibility"),
            Col("clea_care_leaver_in_touch", Code, false, "in_touch") with { Codes = CareLeaverInTouchCodes },
            Col("clea_care_leaver_latest_contact", Date, false, "latest_contact_date"),
            Col("clea_care_leaver_accommodation", Code, false, "accommodation") with { Codes = AccommodationCodes, Spellings = AccommodationSpellings, MaxLength = SsdTextLength },
            Col("clea_care_leaver_accom_suitable", Code, false, "accommodation_suitable")
                with { Codes = AccommodationSuitabilityCodes, Spellings = AccommodationSuitabilitySpellings, MaxLength = SsdTextLength },
            Col("clea_care_leaver_activity", Code, false, "activity") with { Codes = ActivityCodes, Spellings = ActivitySpellings, MaxLength = SsdTextLength },
        ]);

    public static readonly DatasetContract EhcpActivePlans = Snapshot("ssd_ehcp_active_plans", "fact_ehcp_active_plan_snapshot",
        [
            Col("ehcp_active_ehcp_id", RecordId, true, "active_ehcp_id"),
            Col("ehcp_ehcp_request_id", RecordId, false, "ehcp_request_id"),
            Col("ehcp_person_id", PersonId, false, "person_key") with { Extension = true },
            Col("ehcp_educated_in_borough", Flag, false, "educated_in_borough") with { Extension = true },
        ]);

    public static readonly DatasetContract ChildrenMissingEducation = Snapshot("children_missing_education", "fact_missing_education_snapshot",
        [
            Col("cme_person_id", PersonId, true, "person_key"),
            Col("cme_start_date", Date, true, "cme_start_date"),
        ]);

    /// <summary>
    /// The LA's departments (teams): the names of the ids its team columns hold (SSD's team columns hold department ids in
    /// every system). Kept per <c>as_at</c> like a snapshot, so each id's name is the newest batch's that lists it, and an
    /// id a later list leaves out keeps its name. Teams stay keyed by the id: a name arriving or changing never moves a
    /// figure (<c>docs/teams.md</c>). Not person data; <c>dept_team_parent_name</c> is not read (the parent's own row names it).
    /// </summary>
    public static readonly DatasetContract Departments = Snapshot("ssd_department", "dim_department",
        [
            Col("dept_team_id", RecordId, true, "team_key"),
            Col("dept_team_name", Text, false, "team_name"),
            Col("dept_team_parent_id", RecordId, false, "parent_team_key"),
        ]);

    /// <summary>Every dataset, in the contract's order: 14 event datasets, then 4 snapshot datasets.</summary>
    public static readonly IReadOnlyList<DatasetContract> Datasets =
    [
        Person, CinEpisodes, CinAssessments, CpPlans, CpVisits, ClaEpisodes, ClaVisits, Involvements, Missing,
        EarlyHelpEpisodes, EhcpRequests, EhcpAssessments, EhcpNamedPlans, Professionals,
        CareLeavers, EhcpActivePlans, ChildrenMissingEducation, Departments,
    ];

    public static DatasetContract? Find(string datasetName) =>
        Datasets.FirstOrDefault(d => string.Equals(d.Name, datasetName.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string> Spelled(params (string Spelling, string Code)[] spellings) =>
        spellings.ToDictionary(s => s.Spelling, s => s.Code, StringComparer.OrdinalIgnoreCase);

    private static ColumnSpec Col(string name, ColumnKind kind, bool required, string storedAs) => new(name, kind, required, storedAs);

    private static DatasetContract Event(string name, string table, IReadOnlyList<ColumnSpec> columns, params DateRange[] ranges) =>
        new(name, DatasetKind.Event, table, columns, ranges);

    private static DatasetContract Snapshot(string name, string table, IReadOnlyList<ColumnSpec> columns) =>
        new(name, DatasetKind.Snapshot, table, columns, []);
}
