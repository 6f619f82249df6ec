namespace PerfPipeline.Extracts;

using PerfPipeline.CaseData;

/// <summary>Rows that load but that a measure's cohort leaves out, counted per dataset, column and rule for the report.</summary>
public sealed record CohortExclusion(string Dataset, string Column, string Rule, long Rows);

/// <summary>
/// Counts the care-leaver rows of a batch that <see cref="CareLeaverCohort"/> sets aside, by the same rules the
/// indicator engine applies to the stored snapshot, so the analyst sees in the report what the figures leave out.
/// </summary>
internal static class CohortExclusions
{
    public static IReadOnlyList<CohortExclusion> Of(IReadOnlyList<DatasetExtract> datasets, string? sourceSystem, CareLeaverCohort cohort)
    {
        var leavers = datasets.FirstOrDefault(d => d.Contract == ExtractContract.CareLeavers);
        if (leavers is null || leavers.Rows.Count == 0)
        {
            return [];
        }

        var contract = leavers.Contract;
        int id = contract.IndexOf("clea_table_id"), person = contract.IndexOf("clea_person_id"), eligibility = contract.IndexOf("clea_care_leaver_eligibility"),
            inTouch = contract.IndexOf("clea_care_leaver_in_touch"), contact = contract.IndexOf("clea_care_leaver_latest_contact");
        var rows = leavers.Rows;
        var setAside = cohort.SetAside(
            rows.Count,
            r => new CareLeaverFacts(rows.Text(r, id)!, rows.Text(r, person)!, rows.Text(r, eligibility), rows.Text(r, inTouch), rows.Date(r, contact)),
            sourceSystem);
        var exclusions = new List<CohortExclusion>();
        Add(CareLeaverSetAside.SupersededByLaterContact, "clea_care_leaver_latest_contact", "superseded by the person's row with a later contact");
        Add(CareLeaverSetAside.InTouchNotRecorded, "clea_care_leaver_in_touch", "in touch not recorded");
        Add(CareLeaverSetAside.EligibilityNotKept, "clea_care_leaver_eligibility", "an eligibility the LA's settings do not keep");
        return exclusions;

        void Add(CareLeaverSetAside reason, string column, string rule)
        {
            var count = setAside.LongCount(s => s == reason);
            if (count > 0)
            {
                exclusions.Add(new CohortExclusion(contract.Name, column, rule, count));
            }
        }
    }
}
