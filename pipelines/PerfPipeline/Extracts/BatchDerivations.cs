namespace PerfPipeline.Extracts;

using PerfPipeline.Calendar;

/// <summary>A value the reader derived because the batch left it empty, counted per dataset and rule for the report.</summary>
public sealed record Derivation(string Dataset, string Column, string Rule, long Rows);

/// <summary>
/// Fills the required values SSD's scripts legitimately leave empty, from the rest of the batch
/// (<see cref="ColumnSpec.DerivedFrom"/>): a CP visit's person from its plan (Mosaic writes no
/// <c>cppv_person_id</c>), a visit's plan from the person's plan covering the visit date (SystemC's visits joined to no
/// plan, and in a batch naming an SSD system, Eclipse's plan ids that match no <c>cppl_cp_plan_id</c>), an
/// involvement's person through its referral (Mosaic writes no <c>invo_person_id</c>). A row whose value cannot be
/// derived is rejected, naming why; when no row's can, the dataset is left out with a note and its measures are n/a, as
/// for a dataset not supplied. An involvement without its worker (<c>invo_professional_id</c> empty) loads with a
/// warning. Every derivation is counted.
/// A derived dataset is final as soon as the one it derives from is read (<see cref="Prerequisite"/>), so the load can
/// take it while later files are still read; what derivation adds to the batch's issues and derivations is kept aside
/// and added by <see cref="Complete"/> in one order, whatever order the files came in.
/// </summary>
internal sealed class BatchDerivations(string? sourceSystem)
{
    private readonly List<(DatasetExtract Read, List<ValidationIssue> Issues, List<Derivation> Derivations, DatasetExtract? Final)> _derived = [];

    /// <summary>The dataset whose rows a dataset's derivation reads, or null for a dataset nothing is derived in.</summary>
    public static DatasetContract? Prerequisite(DatasetContract dataset) =>
        dataset == ExtractContract.CpVisits ? ExtractContract.CpPlans
        : dataset == ExtractContract.Involvements ? ExtractContract.CinEpisodes
        : null;

    /// <summary>
    /// Derives what <paramref name="dataset"/> (one with a <see cref="Prerequisite"/>) leaves empty from
    /// <paramref name="prerequisite"/>, the batch's dataset it derives from (null when the batch has none). Returns the
    /// dataset as it loads, without the rows that cannot be derived, or null when it is left out.
    /// </summary>
    /// <remarks>A batch naming an SSD system (the manifest's <c>source_system</c>) alone has a visit whose plan id names
    /// no plan of the batch re-planned, so that batches of the contract's own shape keep their figures (such a visit keeps
    /// its id and its <c>visit_outside_plan</c> warning).</remarks>
    public DatasetExtract? Derive(DatasetExtract dataset, DatasetExtract? prerequisite)
    {
        var derivations = new List<Derivation>();
        var issues = new List<ValidationIssue>();
        var rejected = new Dictionary<int, (string Column, string Reason)>();
        if (dataset.Contract == ExtractContract.CpVisits)
        {
            DeriveVisits(dataset, prerequisite, SsdCatalogue.SourceSystem(sourceSystem) is not null, derivations, rejected);
        }
        else if (dataset.Contract == ExtractContract.Involvements)
        {
            DeriveInvolvements(dataset, prerequisite, derivations, rejected, issues);
        }

        var final = dataset;
        if (rejected.Count > 0 && rejected.Count == dataset.Rows.Count)
        {
            var (column, reason) = rejected.First().Value;
            issues.Add(new ValidationIssue(IssueSeverity.Warning, dataset.Contract.Name, null, column, dataset.File,
                $"{reason} in every one of the {dataset.Rows.Count} rows: the dataset is left out and its measures are n/a")
            { Rule = ValidationRule.DatasetKeyless });
            final = null;
        }
        else if (rejected.Count > 0)
        {
            foreach (var (row, (column, reason)) in rejected)
            {
                issues.Add(new ValidationIssue(IssueSeverity.RowError, dataset.Contract.Name, dataset.Rows.RowNumber(row), column, null, reason)
                { Rule = ValidationRule.RequiredValueMissing });
            }

            var rows = dataset.Rows;
            rows.RemoveWhere(rejected.ContainsKey);
            final = new DatasetExtract(dataset.Contract, dataset.File, dataset.RowsRead, dataset.RowsRejected + rejected.Count, rows);
        }

        _derived.Add((dataset, issues, derivations, final));
        return final;
    }

    /// <summary>
    /// Puts each derived dataset in its place in <paramref name="datasets"/> (the batch's, in the manifest's order) or
    /// takes it out, and adds what derivation found to the batch's issues: the datasets from the last to the first, as
    /// they always were. Returns the derivations in the same order.
    /// </summary>
    public IReadOnlyList<Derivation> Complete(List<DatasetExtract> datasets, List<ValidationIssue> issues)
    {
        var derivations = new List<Derivation>();
        for (var i = datasets.Count - 1; i >= 0; i--)
        {
            var index = _derived.FindIndex(d => ReferenceEquals(d.Read, datasets[i]));
            if (index < 0)
            {
                continue;
            }

            var derived = _derived[index];
            issues.AddRange(derived.Issues);
            derivations.AddRange(derived.Derivations);
            if (derived.Final is null)
            {
                datasets.RemoveAt(i);
            }
            else
            {
                datasets[i] = derived.Final;
            }
        }

        return derivations;
    }

    private static void DeriveVisits(
        DatasetExtract visits, DatasetExtract? plans, bool ssdBatch, List<Derivation> derivations, Dictionary<int, (string Column, string Reason)> rejected)
    {
        var contract = visits.Contract;
        int person = contract.IndexOf("cppv_person_id"), plan = contract.IndexOf("cppv_cp_plan_id"), date = contract.IndexOf("cppv_cp_visit_date");
        var planPerson = new Dictionary<string, string>(StringComparer.Ordinal);
        var plansOf = new Dictionary<string, List<(string Id, DateOnly Start, DateOnly? End)>>(StringComparer.Ordinal);
        if (plans is not null)
        {
            var rows = plans.Rows;
            for (var r = 0; r < rows.Count; r++)
            {
                var id = rows.Text(r, 0)!;
                var owner = rows.Text(r, 1)!;
                planPerson.TryAdd(id, owner);
                if (!plansOf.TryGetValue(owner, out var list))
                {
                    plansOf[owner] = list = [];
                }

                list.Add((id, rows.Date(r, 2)!.Value, rows.Date(r, 3)));
            }
        }

        long personsDerived = 0, plansDerived = 0, plansReplaced = 0;
        var visitRows = visits.Rows;
        for (var r = 0; r < visitRows.Count; r++)
        {
            var visitPlan = visitRows.Text(r, plan);
            if (visitRows.Text(r, person) is null)
            {
                if (visitPlan is not null && planPerson.TryGetValue(visitPlan, out var owner))
                {
                    visitRows.SetTextAt(r, person, owner);
                    personsDerived++;
                }
                else
                {
                    rejected[r] = ("cppv_person_id", "cppv_person_id is empty and cppv_cp_plan_id names no plan of the batch to take it from");
                    continue;
                }
            }

            // Eclipse's visit plan ids need not match cppl_cp_plan_id: in an SSD batch carrying plans, such a visit takes
            // the person's plan covering its date, else keeps its id (and its visit_outside_plan warning).
            var unknownPlan = visitPlan is not null && ssdBatch && plans is not null && !planPerson.ContainsKey(visitPlan);
            if (visitPlan is not null && !unknownPlan)
            {
                continue;
            }

            var covering = CoveringPlan(plansOf, visitRows.Text(r, person)!, visitRows.Date(r, date)!.Value);
            if (covering is not null)
            {
                visitRows.SetTextAt(r, plan, covering);
                if (unknownPlan)
                {
                    plansReplaced++;
                }
                else
                {
                    plansDerived++;
                }
            }
            else if (!unknownPlan)
            {
                rejected[r] = ("cppv_cp_plan_id", "cppv_cp_plan_id is empty and no plan of the person covers the visit date");
            }
        }

        Count(derivations, contract, "cppv_person_id", "person of the visit's plan (cppv_cp_plan_id → cppl_person_id)", personsDerived);
        Count(derivations, contract, "cppv_cp_plan_id", "the person's plan covering the visit date", plansDerived);
        Count(derivations, contract, "cppv_cp_plan_id", "the person's plan covering the visit date, for an id naming no plan of the batch", plansReplaced);
    }

    private static string? CoveringPlan(Dictionary<string, List<(string Id, DateOnly Start, DateOnly? End)>> plansOf, string person, DateOnly day) =>
        plansOf.GetValueOrDefault(person)?
            .Where(p => DateSpan.Covers(p.Start, p.End, day))
            .OrderByDescending(p => p.Start)
            .Select(p => p.Id)
            .FirstOrDefault();

    /// <summary>
    /// An involvement's person through its referral (Mosaic: <c>invo_referral_id</c> is <c>cine_referral_id</c>); an
    /// empty worker is a warning, the row loads and takes no part where the worker counts.
    /// </summary>
    private static void DeriveInvolvements(
        DatasetExtract involvements, DatasetExtract? referrals, List<Derivation> derivations, Dictionary<int, (string Column, string Reason)> rejected,
        List<ValidationIssue> issues)
    {
        var contract = involvements.Contract;
        int person = contract.IndexOf("invo_person_id"), professional = contract.IndexOf("invo_professional_id"), referral = contract.IndexOf("invo_referral_id");
        Dictionary<string, string>? referralPerson = null;
        long personsDerived = 0;
        var rows = involvements.Rows;
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows.Text(r, person) is null)
            {
                var referralId = rows.Text(r, referral);
                referralPerson ??= ReferralPersons(referrals);
                if (referralId is not null && referralPerson.TryGetValue(referralId, out var owner))
                {
                    rows.SetTextAt(r, person, owner);
                    personsDerived++;
                }
                else
                {
                    rejected[r] = ("invo_person_id", referralId is null
                        ? "invo_person_id is empty and so is invo_referral_id to take it from"
                        : "invo_person_id is empty and invo_referral_id names no referral of the batch (ssd_cin_episodes) to take it from");
                    continue;
                }
            }

            if (rows.Text(r, professional) is null)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, contract.Name, rows.RowNumber(r), "invo_professional_id", null,
                    "no worker recorded: the involvement loads, and takes no part in counting a child's social workers")
                { Rule = ValidationRule.WorkerNotRecorded });
            }
        }

        Count(derivations, contract, "invo_person_id", "person of the involvement's referral (invo_referral_id → cine_person_id)", personsDerived);
    }

    private static Dictionary<string, string> ReferralPersons(DatasetExtract? referrals)
    {
        var persons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (referrals is not null)
        {
            var rows = referrals.Rows;
            for (var r = 0; r < rows.Count; r++)
            {
                persons.TryAdd(rows.Text(r, 0)!, rows.Text(r, 1)!);
            }
        }

        return persons;
    }

    private static void Count(List<Derivation> derivations, DatasetContract contract, string column, string rule, long rows)
    {
        if (rows > 0)
        {
            derivations.Add(new Derivation(contract.Name, column, rule, rows));
        }
    }
}
