namespace PerfPipeline.Extracts;

using System.Globalization;
using System.Text;
using System.Text.Json;

using PerfPipeline.Batches;

/// <summary>The machine-readable error report (JSON) and the readable summary of a validated batch.</summary>
public sealed record ValidationReport(string Json, string Summary)
{
    /// <summary>The LA's code map with the batch's unmapped values added, ready to edit (<see cref="UnmappedValues.Draft"/>); null when none.</summary>
    public string? CodeMapDraft { get; init; }

    /// <summary>How many issues of each rule the summary shows by default; the JSON has them all.</summary>
    public const int DefaultIssuesPerRule = 5;

    /// <summary>Builds both forms of the report for a batch read by <see cref="ExtractReader"/>.</summary>
    public static ValidationReport Create(BatchLocation batch, ExtractBatch extract, int issuesPerRule = DefaultIssuesPerRule)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(extract);
        return new ValidationReport(ToJson(batch, extract), ToSummary(batch, extract, issuesPerRule)) { CodeMapDraft = UnmappedValues.Draft(extract) };
    }

    /// <summary>The report of a batch whose load failed for a reason that retrying cannot fix, for its quarantined copy.</summary>
    public static ValidationReport ForFailure(BatchLocation batch, string loadId, string error) =>
        Verdict(batch, loadId, "failed", error, "Recorded as failed; replay it once the cause is fixed.");

    /// <summary>The report of a batch held because it would shrink a dataset (needs_confirmation), for its quarantined copy.</summary>
    public static ValidationReport ForHeld(BatchLocation batch, string loadId, string reason) =>
        Verdict(batch, loadId, "needs_confirmation", reason, "Nothing was loaded.");

    private static ValidationReport Verdict(BatchLocation batch, string loadId, string verdict, string error, string next)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("la_code", batch.LaCode);
            json.WriteString("as_at", batch.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("load_id", loadId);
            json.WriteString("verdict", verdict);
            json.WriteString("reason", error);
            json.WriteEndObject();
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Batch {batch}\n\nVerdict: {verdict} (load {loadId}): {error}\n{next}\n");
        return new ValidationReport(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), summary);
    }

    private static string Verdict(ExtractBatch extract) => extract.IsRejected ? "rejected" : "accepted";

    private static string ToJson(BatchLocation batch, ExtractBatch extract)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("la_code", batch.LaCode);
            json.WriteString("as_at", batch.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("manifest_sha256", extract.ManifestSha256);
            json.WriteString("verdict", Verdict(extract));
            json.WriteString("reason", extract.RejectionReason);
            json.WriteStartArray("datasets");
            foreach (var dataset in extract.Datasets)
            {
                json.WriteStartObject();
                json.WriteString("dataset", dataset.Contract.Name);
                json.WriteString("file", dataset.File);
                json.WriteNumber("rows_read", dataset.RowsRead);
                json.WriteNumber("rows_accepted", dataset.RowsAccepted);
                json.WriteNumber("rows_rejected", dataset.RowsRejected);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("unmapped_values");
            foreach (var value in UnmappedValues.Of(extract))
            {
                json.WriteStartObject();
                json.WriteString("dataset", value.Dataset);
                json.WriteString("column", value.Column);
                json.WriteString("value", value.Value);
                json.WriteNumber("rows", value.Rows);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteRowsByRule(json, "derivations", extract.Derivations.Select(d => (d.Dataset, d.Column, d.Rule, d.Rows)));
            WriteRowsByRule(json, "left_out_of_cohort", extract.CohortExclusions.Select(e => (e.Dataset, e.Column, e.Rule, e.Rows)));
            json.WriteStartArray("involvement_roles");
            foreach (var role in InvolvementRoles.Of(extract))
            {
                json.WriteStartObject();
                json.WriteString("role", role.Role);
                json.WriteNumber("rows", role.Rows);
                json.WriteBoolean("allocated", role.Allocated);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("issues");
            foreach (var issue in extract.Issues)
            {
                json.WriteStartObject();
                json.WriteString("severity", SnakeCase(issue.Severity.ToString()));
                json.WriteString("rule", issue.Rule is { } rule ? SnakeCase(rule.ToString()) : null);
                json.WriteString("dataset", issue.Dataset);
                if (issue.Row is { } row)
                {
                    json.WriteNumber("row", row);
                }
                else
                {
                    json.WriteNull("row");
                }

                json.WriteString("column", issue.Column);
                json.WriteString("value", issue.Value);
                json.WriteString("reason", issue.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>An array of rows counted per dataset, column and rule (the derivations, the rows a cohort leaves out).</summary>
    private static void WriteRowsByRule(Utf8JsonWriter json, string name, IEnumerable<(string Dataset, string Column, string Rule, long Rows)> counts)
    {
        json.WriteStartArray(name);
        foreach (var (dataset, column, rule, rows) in counts)
        {
            json.WriteStartObject();
            json.WriteString("dataset", dataset);
            json.WriteString("column", column);
            json.WriteString("rule", rule);
            json.WriteNumber("rows", rows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static string ToSummary(BatchLocation batch, ExtractBatch extract, int issuesPerRule)
    {
        var text = new StringBuilder();
        var manifest = extract.Manifest;
        text.Append(CultureInfo.InvariantCulture, $"Batch {batch}");
        if (manifest?.LaName is { Length: > 0 } laName)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({laName}");
            text.Append(manifest.SourceSystem is { Length: > 0 } system ? $", {system})" : ")");
        }

        text.AppendLine();
        text.AppendLine();
        if (extract.Datasets.Count > 0)
        {
            var width = Math.Max("dataset".Length, extract.Datasets.Max(d => d.Contract.Name.Length));
            text.AppendLine(CultureInfo.InvariantCulture, $"{"dataset".PadRight(width)}  {"read",10}  {"accepted",10}  {"rejected",10}");
            foreach (var dataset in extract.Datasets)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{dataset.Contract.Name.PadRight(width)}  {dataset.RowsRead,10:N0}  {dataset.RowsAccepted,10:N0}  {dataset.RowsRejected,10:N0}");
            }

            text.AppendLine();
        }

        var counts = extract.Issues.GroupBy(i => i.Severity).ToDictionary(g => g.Key, g => g.Count());
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{counts.GetValueOrDefault(IssueSeverity.FileError):N0} file errors, {counts.GetValueOrDefault(IssueSeverity.RowError):N0} row errors, {counts.GetValueOrDefault(IssueSeverity.Warning):N0} warnings");

        foreach (var group in extract.Issues.GroupBy(i => (i.Severity, i.Rule)).OrderBy(g => g.Key.Severity))
        {
            var total = group.Count();
            var rule = group.Key.Rule is { } known ? SnakeCase(known.ToString()) : "other";
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Label(group.Key.Severity)} {rule} ({total:N0})");
            foreach (var issue in group.Take(issuesPerRule))
            {
                text.Append("  ");
                text.Append(issue.Dataset ?? ManifestParser.FileName);
                if (issue.Row is { } row)
                {
                    text.Append(CultureInfo.InvariantCulture, $" row {row}");
                }

                if (issue.Column is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {issue.Column}");
                }

                if (issue.Value is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $" '{issue.Value}'");
                }

                text.AppendLine(CultureInfo.InvariantCulture, $": {issue.Reason}");
            }

            if (total > issuesPerRule)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … and {total - issuesPerRule:N0} more");
            }
        }

        var unmapped = UnmappedValues.Of(extract);
        if (unmapped.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Unmapped values ({unmapped.Count:N0}): give each its code in the LA's {UnmappedValues.DraftFileName} (a draft is written beside this report), import it and replay");
            foreach (var value in unmapped)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {value.Dataset}.{value.Column} '{value.Value}': {value.Rows:N0} rows");
            }
        }

        if (extract.Derivations.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Derived values (the batch left them empty):");
            foreach (var derivation in extract.Derivations)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {derivation.Dataset}.{derivation.Column} from {derivation.Rule}: {derivation.Rows:N0} rows");
            }
        }

        if (extract.CohortExclusions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Left out of the measures' cohort (the rows load):");
            foreach (var exclusion in extract.CohortExclusions)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {exclusion.Dataset}.{exclusion.Column}, {exclusion.Rule}: {exclusion.Rows:N0} rows");
            }
        }

        var roles = InvolvementRoles.Of(extract);
        if (roles.Any(r => !r.Allocated))
        {
            text.AppendLine();
            text.AppendLine("Involvements by role (only allocated roles count as allocated social workers; set the LA's allocated-roles.csv):");
            foreach (var role in roles)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {role.Role ?? "(no role)"}: {role.Rows:N0} rows, {(role.Allocated ? "allocated" : "not counted")}");
            }
        }

        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Verdict: {Verdict(extract)}");
        text.AppendLine(extract.RejectionReason is null ? string.Empty : $": {extract.RejectionReason}");
        return text.ToString();
    }

    /// <summary>Rule and severity names as the JSON report and the docs spell them, e.g. <c>duplicate_primary_key</c>.</summary>
    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);

    private static string Label(IssueSeverity severity) => severity switch
    {
        IssueSeverity.FileError => "[file error]",
        IssueSeverity.RowError => "[row error]",
        _ => "[warning]",
    };
}
