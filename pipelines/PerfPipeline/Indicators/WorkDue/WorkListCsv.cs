namespace PerfPipeline.Indicators.WorkDue;

using System.Globalization;

using nietras.SeparatedValues;

using PerfPipeline.Indicators.Teams;
using PerfPipeline.Privacy;

/// <summary>
/// The work list as CSV (one row per item, most overdue first): pseudonyms only, or with the LA's own identifiers
/// beside them when a <see cref="Reidentification"/> is given (only ever inside the LA). <c>team</c> is the team's
/// department name where the LA's department list gives one (else its key), <c>team_key</c> the key figures are filed under.
/// </summary>
public static class WorkListCsv
{
    private static readonly string[] Columns =
        ["as_at", "kind", "item_id", "team", "worker_pseudonym", "child_pseudonym", "counted_from", "due_date", "days_overdue", "team_key"];

    public static void Write(TextWriter writer, WorkList list, Reidentification? identifiers = null, TeamNames? names = null)
    {
        names ??= TeamNames.None;
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(list);
        using var csv = Sep.Writer(o => o with { Escape = true }).To(writer, leaveOpen: true);
        string[] header = identifiers is null ? Columns : [.. Columns, "worker_id", "child_id"];
        csv.Header.Add(header);
        foreach (var item in list.Items)
        {
            using var row = csv.NewRow();
            row["as_at"].Set(Date(list.AsAt));
            row["kind"].Set(WorkItemKinds.Code(item.Kind));
            row["item_id"].Set(item.ItemId);
            row["team"].Set(names.Label(item.TeamKey));
            row["worker_pseudonym"].Set(item.WorkerKey ?? string.Empty);
            row["child_pseudonym"].Set(item.PersonKey);
            row["counted_from"].Set(Date(item.CountedFrom));
            row["due_date"].Set(Date(item.DueDate));
            row["days_overdue"].Set(item.DaysOverdue.ToString(CultureInfo.InvariantCulture));
            row["team_key"].Set(item.TeamKey);
            if (identifiers is not null)
            {
                row["worker_id"].Set(identifiers.IdentifierOf(item.WorkerKey) ?? string.Empty);
                row["child_id"].Set(identifiers.IdentifierOf(item.PersonKey) ?? string.Empty);
            }
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
