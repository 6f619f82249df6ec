namespace PerfPipeline.Extracts;

/// <summary>
/// Warnings that look across datasets of one batch: visits outside their CP plan or period of care, and records
/// referencing a person the batch's <c>ssd_person</c> does not hold. Each check runs only when the batch carries
/// the dataset it looks up, and only accepted rows take part.
/// </summary>
internal static class BatchCrossChecks
{
    private readonly record struct DateSpan(DateOnly Start, DateOnly? End)
    {
        public bool Contains(DateOnly date) => date >= Start && (End is null || date <= End);

        public override string ToString() => $"{Start:yyyy-MM-dd}..{(End is { } end ? end.ToString("yyyy-MM-dd", null) : "open")}";
    }

    public static List<ValidationIssue> Check(IReadOnlyList<DatasetExtract> datasets)
    {
        var issues = new List<ValidationIssue>();
        var plans = Find(datasets, ExtractContract.CpPlans);
        var cpVisits = Find(datasets, ExtractContract.CpVisits);
        if (plans is not null && cpVisits is not null)
        {
            CheckVisits(cpVisits, "cppv_cp_plan_id", "cppv_cp_visit_date", CpPlanSpans(plans), ValidationRule.VisitOutsidePlan, "CP plan", issues);
        }

        var episodes = Find(datasets, ExtractContract.ClaEpisodes);
        var careVisits = Find(datasets, ExtractContract.ClaVisits);
        if (episodes is not null && careVisits is not null)
        {
            CheckVisits(careVisits, "clav_cla_id", "clav_cla_visit_date", PeriodOfCareSpans(episodes), ValidationRule.VisitOutsidePeriodOfCare, "period of care", issues);
        }

        var people = Find(datasets, ExtractContract.Person);
        if (people is not null)
        {
            CheckPeople(datasets, people, issues);
        }

        return issues;
    }

    private static DatasetExtract? Find(IReadOnlyList<DatasetExtract> datasets, DatasetContract contract)
    {
        foreach (var dataset in datasets)
        {
            if (ReferenceEquals(dataset.Contract, contract))
            {
                return dataset;
            }
        }

        return null;
    }

    private static Dictionary<string, DateSpan> CpPlanSpans(DatasetExtract plans)
    {
        var contract = plans.Contract;
        int id = contract.IndexOf("cppl_cp_plan_id"), start = contract.IndexOf("cppl_cp_plan_start_date"), end = contract.IndexOf("cppl_cp_plan_end_date");
        var spans = new Dictionary<string, DateSpan>(StringComparer.Ordinal);
        var rows = plans.Rows;
        for (var row = 0; row < rows.Count; row++)
        {
            spans[rows.Text(row, id)!] = new DateSpan(rows.Date(row, start)!.Value, rows.Date(row, end));
        }

        return spans;
    }

    /// <summary>A period of care runs from its first episode's start to its last episode's end; open while any episode is open.</summary>
    private static Dictionary<string, DateSpan> PeriodOfCareSpans(DatasetExtract episodes)
    {
        var contract = episodes.Contract;
        int period = contract.IndexOf("clae_cla_id"), start = contract.IndexOf("clae_cla_episode_start_date"), ceased = contract.IndexOf("clae_cla_episode_ceased_date");
        var spans = new Dictionary<string, (DateOnly First, DateOnly? LastCeased, bool Open)>(StringComparer.Ordinal);
        var rows = episodes.Rows;
        for (var row = 0; row < rows.Count; row++)
        {
            var id = rows.Text(row, period)!;
            var episodeStart = rows.Date(row, start)!.Value;
            var episodeCeased = rows.Date(row, ceased);
            spans[id] = spans.TryGetValue(id, out var span)
                ? (episodeStart < span.First ? episodeStart : span.First, Later(span.LastCeased, episodeCeased), span.Open || episodeCeased is null)
                : (episodeStart, episodeCeased, episodeCeased is null);
        }

        return spans.ToDictionary(pair => pair.Key, pair => new DateSpan(pair.Value.First, pair.Value.Open ? null : pair.Value.LastCeased), StringComparer.Ordinal);
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static void CheckVisits(
        DatasetExtract visits, string referenceColumn, string dateColumn, Dictionary<string, DateSpan> spans, ValidationRule rule, string what,
        List<ValidationIssue> issues)
    {
        int reference = visits.Contract.IndexOf(referenceColumn), date = visits.Contract.IndexOf(dateColumn);
        var rows = visits.Rows;
        for (var row = 0; row < rows.Count; row++)
        {
            var id = rows.Text(row, reference)!;
            var visitDate = rows.Date(row, date)!.Value;
            string? reason = !spans.TryGetValue(id, out var span) ? $"{what} {id} is not in the batch"
                : !span.Contains(visitDate) ? $"outside {what} {id} ({span})"
                : null;
            if (reason is not null)
            {
                issues.Add(new ValidationIssue(IssueSeverity.Warning, visits.Contract.Name, rows.RowNumber(row), dateColumn, $"{visitDate:yyyy-MM-dd}", reason) { Rule = rule });
            }
        }
    }

    private static void CheckPeople(IReadOnlyList<DatasetExtract> datasets, DatasetExtract people, List<ValidationIssue> issues)
    {
        var known = new HashSet<string>(people.Rows.Count, StringComparer.Ordinal);
        for (var row = 0; row < people.Rows.Count; row++)
        {
            known.Add(people.Rows.Text(row, 0)!);
        }

        // Person references are the person-identifier columns stored as the person key (professional ids are not people).
        var personKey = ExtractContract.Person.PrimaryKey.StoredAs;
        foreach (var dataset in datasets)
        {
            if (ReferenceEquals(dataset, people))
            {
                continue;
            }

            var columns = dataset.Contract.Columns;
            for (var column = 0; column < columns.Count; column++)
            {
                if (columns[column].Kind != ColumnKind.PersonId || columns[column].StoredAs != personKey)
                {
                    continue;
                }

                var rows = dataset.Rows;
                for (var row = 0; row < rows.Count; row++)
                {
                    if (rows.Text(row, column) is { } pseudonym && !known.Contains(pseudonym))
                    {
                        issues.Add(new ValidationIssue(IssueSeverity.Warning, dataset.Contract.Name, rows.RowNumber(row), columns[column].Name, pseudonym,
                            "the person is not in this batch's ssd_person")
                        { Rule = ValidationRule.UnknownPerson });
                    }
                }
            }
        }
    }
}
