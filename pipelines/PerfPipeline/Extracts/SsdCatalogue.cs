namespace PerfPipeline.Extracts;

/// <summary>
/// What PerfPipeline knows of the Standard Safeguarding Dataset (SSD) 1.4.5 beyond the contract's own datasets
/// (<c>docs/ssd/</c>): the tables an LA's SSD scripts build, the case-management systems they run on and the SSD
/// versions the contract was checked against. A batch may carry any SSD table; those the contract does not read are
/// recognised, ignored and never stored or archived.
/// </summary>
public static class SsdCatalogue
{
    /// <summary>SSD's own names for the systems its scripts run on (<c>deployment_system.cms</c>).</summary>
    public static readonly IReadOnlyList<string> SourceSystems = ["SystemC", "Mosaic", "Eclipse", "CareDirector", "Azeus"];

    /// <summary>The SSD versions whose tables, columns and values the contract reads as documented.</summary>
    public static readonly IReadOnlyList<string> KnownVersions = ["1.4.5"];

    /// <summary>Every table of SSD 1.4.5 (<c>docs/ssd/columns-by-system.csv</c>).</summary>
    public static readonly IReadOnlyList<string> Tables =
    [
        "ssd_address", "ssd_assessment_factors", "ssd_care_leavers", "ssd_cin_assessments", "ssd_cin_episodes", "ssd_cin_plans",
        "ssd_cin_visits", "ssd_cla_care_plan", "ssd_cla_convictions", "ssd_cla_episodes", "ssd_cla_health", "ssd_cla_immunisations",
        "ssd_cla_placement", "ssd_cla_previous_permanence", "ssd_cla_reviews", "ssd_cla_substance_misuse", "ssd_cla_visits",
        "ssd_cohort", "ssd_contacts", "ssd_cp_plans", "ssd_cp_reviews", "ssd_cp_visits", "ssd_department", "ssd_dim_date",
        "ssd_disability", "ssd_early_help_episodes", "ssd_ehcp_active_plans", "ssd_ehcp_assessment", "ssd_ehcp_named_plan",
        "ssd_ehcp_requests", "ssd_family", "ssd_immigration_status", "ssd_initial_cp_conference", "ssd_involvements",
        "ssd_legal_status", "ssd_linked_identifiers", "ssd_missing", "ssd_mother", "ssd_permanence", "ssd_person",
        "ssd_pre_cla_care_plan", "ssd_pre_proceedings", "ssd_professionals", "ssd_s251_finance", "ssd_s47_enquiry",
        "ssd_sdq_scores", "ssd_sen_need", "ssd_send", "ssd_voice_of_child",
    ];

    private static readonly HashSet<string> TableSet = new(Tables, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The SSD table a dataset name or file name (<c>ssd_address</c>, <c>ssd_address.csv</c>) is, when it is one the
    /// contract does not read; null otherwise. Such a table is ignored with one note and never stored or archived.
    /// </summary>
    public static string? OtherTable(string datasetOrFileName)
    {
        ArgumentNullException.ThrowIfNull(datasetOrFileName);
        var name = datasetOrFileName.Trim();
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return TableSet.TryGetValue(name, out var table) && ExtractContract.Find(table) is null ? table : null;
    }

    /// <summary>Whether a batch file is one the contract reads or may read: the manifest, or a file not of another SSD table.</summary>
    public static bool IsArchived(string fileName) => OtherTable(fileName) is null;

    /// <summary>SSD's spelling of a source system (case-insensitive); null when SSD does not name it.</summary>
    public static string? SourceSystem(string? name) =>
        name is null ? null : SourceSystems.FirstOrDefault(s => string.Equals(s, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
