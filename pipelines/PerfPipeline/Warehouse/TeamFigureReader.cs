namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

using Dapper;

using PerfPipeline.Indicators.Teams;
using PerfPipeline.Indicators.WorkDue;

/// <summary>Reads the current figures by team and the current work list (plain SQL, both dialects).</summary>
internal static class TeamFigureReader
{
    internal const string CurrentValuesSql = """
        SELECT v.la_code AS LaCode, v.team_key AS TeamKey, v.indicator_code AS IndicatorCode, v.period_type AS PeriodType, p.start_date AS PeriodStart,
               v.numerator AS Numerator, v.denominator AS Denominator, v.value AS Value
        FROM fact_team_indicator_value_current AS v
        JOIN dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
        WHERE v.la_code = @LaCode
        ORDER BY v.indicator_code, v.period_type, p.start_date, v.team_key
        """;

    internal const string CurrentWorkListSql = """
        SELECT w.la_code AS LaCode, w.as_at AS AsAt, w.item_kind AS ItemKind, w.item_id AS ItemId, w.team_key AS TeamKey, w.worker_key AS WorkerKey,
               w.person_key AS PersonKey, w.counted_from AS CountedFrom, w.due_date AS DueDate, w.days_overdue AS DaysOverdue
        FROM fact_work_item_current AS w
        WHERE w.la_code = @LaCode
        ORDER BY w.days_overdue DESC, w.item_kind, w.item_id
        """;

    /// <summary>Each department id's name, parent and label from the newest batch that lists it (migration 0019).</summary>
    internal const string TeamNamesSql = """
        SELECT d.team_key AS TeamKey, d.team_name AS TeamName, d.parent_team_key AS ParentTeamKey, d.team_label AS TeamLabel
        FROM dim_department_current AS d
        WHERE d.la_code = @LaCode
        ORDER BY d.team_key
        """;

    public static async Task<TeamNames> ReadTeamNamesAsync(DbConnection connection, string laCode, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<NameRow>(new CommandDefinition(TeamNamesSql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return new TeamNames(rows.Select(r => new TeamName(r.TeamKey, r.TeamName, r.ParentTeamKey, r.TeamLabel)));
    }

    public static async Task<IReadOnlyList<TeamIndicatorValue>> ReadCurrentValuesAsync(DbConnection connection, string laCode, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<ValueRow>(new CommandDefinition(CurrentValuesSql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new TeamIndicatorValue(
            r.LaCode, r.TeamKey, r.IndicatorCode, CalendarDimensions.PeriodOf(r.PeriodType, r.PeriodStart), r.Numerator, r.Denominator, r.Value))];
    }

    /// <summary>The work list of the LA's latest committed load; null when no load has made one.</summary>
    public static async Task<WorkList?> ReadCurrentWorkListAsync(DbConnection connection, string laCode, DateOnly? asAtWhenEmpty, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = (await connection.QueryAsync<WorkRow>(new CommandDefinition(CurrentWorkListSql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false)).ToList();
        var asAt = rows.Count > 0 ? rows[0].AsAt : asAtWhenEmpty;
        return asAt is { } date
            ? new WorkList(laCode, date, [.. rows.Select(r => new WorkItem(
                WorkItemKinds.Parse(r.ItemKind), r.ItemId, r.TeamKey, r.WorkerKey, r.PersonKey, r.CountedFrom, r.DueDate, checked((int)r.DaysOverdue)))])
            : null;
    }

    /// <summary>
    /// Set by property: SQLite gives a view's computed column no declared type, and Dapper matches a constructor by the
    /// reader's column types, which on an empty result are not text.
    /// </summary>
    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed class NameRow
    {
        public string TeamKey { get; init; } = string.Empty;

        public string? TeamName { get; init; }

        public string? ParentTeamKey { get; init; }

        public string TeamLabel { get; init; } = string.Empty;
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record ValueRow(
        string LaCode, string TeamKey, string IndicatorCode, string PeriodType, DateOnly PeriodStart, decimal? Numerator, decimal? Denominator, decimal? Value);

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record WorkRow(
        string LaCode, DateOnly AsAt, string ItemKind, string ItemId, string TeamKey, string? WorkerKey, string PersonKey, DateOnly CountedFrom,
        DateOnly DueDate, long DaysOverdue);
}
