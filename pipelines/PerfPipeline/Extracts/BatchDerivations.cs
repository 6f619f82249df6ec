namespace PerfPipeline.Extracts;

/// <summary>A value the reader derived because the batch left it empty, counted per dataset and rule for the report.</summary>
public sealed record Derivation(string Dataset, string Column, string Rule, long Rows);

/// <summary>
/// Fills the required values SSD's scripts legitimately leave empty, from the rest of the batch, once every file is
/// read (<see cref="ColumnSpec.DerivedFrom"/>): a CP visit's person from its plan (Mosaic writes no
/// <c>cppv_person_id</c>), a visit's plan from the person's plan covering the visit date (SystemC's visits joined to no
/// plan). A row whose value cannot be derived is rejected, naming why; when no row's can (Mosaic's involvements have no
/// <c>invo_person_id</c>, and deriving it through <c>invo_referral_id</c> is not done), the dataset is left out with a
/// note and its measures are n/a, as for a dataset not supplied. Every derivation is counted.
/// </summary>
internal static class BatchDerivations
{
    public static IReadOnlyList<Derivation> Apply(List<DatasetExtract> datasets, List<ValidationIssue> issues)
    {
        var derivations = new List<Derivation>();
        var plans = datasets.FirstOrDefault(d => d.Contract == ExtractContract.CpPlans);
        for (var i = datasets.Count - 1; i >= 0; i--)
        {
            var dataset = datasets[i];
            var rejected = new Dictionary<int, (string Column, string Reason)>();
            if (dataset.Contract == ExtractContract.CpVisits)
            {
                DeriveVisits(dataset, plans, derivations, rejected);
            }
            else if (dataset.Contract == ExtractContract.Involvements)
            {
                var person = dataset.Contract.IndexOf("invo_person_id");
                for (var r = 0; r < dataset.Rows.Count; r++)
                {
                    if (dataset.Rows.Text(r, person) is null)
                    {
                        rejected[r] = ("invo_person_id", "invo_person_id is empty (it is not derived through invo_referral_id)");
                    }
                }
            }

            if (rejected.Count == 0)
            {
                continue;
            }

            if (rejected.Count == dataset.Rows.Count)
            {
                var (column, reason) = rejected.First().Value;
                issues.Add(new ValidationIssue(IssueSeverity.Warning, dataset.Contract.Name, null, column, dataset.File,
                    $"{reason} in every one of the {dataset.Rows.Count} rows: the dataset is left out and its measures are n/a")
                { Rule = ValidationRule.DatasetKeyless });
                datasets.RemoveAt(i);
                continue;
            }

            foreach (var (row, (column, reason)) in rejected)
            {
                issues.Add(new ValidationIssue(IssueSeverity.RowError, dataset.Contract.Name, dataset.Rows.RowNumber(row), column, null, reason)
                { Rule = ValidationRule.RequiredValueMissing });
            }

            var rows = dataset.Rows;
            rows.RemoveWhere(rejected.ContainsKey);
            datasets[i] = new DatasetExtract(dataset.Contract, dataset.File, dataset.RowsRead, dataset.RowsRejected + rejected.Count, rows);
        }

        return derivations;
    }

    private static void DeriveVisits(
        DatasetExtract visits, DatasetExtract? plans, List<Derivation> derivations, Dictionary<int, (string Column, string Reason)> rejected)
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

        long personsDerived = 0, plansDerived = 0;
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

            if (visitPlan is null)
            {
                var day = visitRows.Date(r, date)!.Value;
                var covering = plansOf.GetValueOrDefault(visitRows.Text(r, person)!)?
                    .Where(p => p.Start <= day && (p.End is not { } end || end >= day))
                    .OrderByDescending(p => p.Start)
                    .Select(p => p.Id)
                    .FirstOrDefault();
                if (covering is null)
                {
                    rejected[r] = ("cppv_cp_plan_id", "cppv_cp_plan_id is empty and no plan of the person covers the visit date");
                    continue;
                }

                visitRows.SetTextAt(r, plan, covering);
                plansDerived++;
            }
        }

        Count(derivations, contract, "cppv_person_id", "person of the visit's plan (cppv_cp_plan_id → cppl_person_id)", personsDerived);
        Count(derivations, contract, "cppv_cp_plan_id", "the person's plan covering the visit date", plansDerived);
    }

    private static void Count(List<Derivation> derivations, DatasetContract contract, string column, string rule, long rows)
    {
        if (rows > 0)
        {
            derivations.Add(new Derivation(contract.Name, column, rule, rows));
        }
    }
}
