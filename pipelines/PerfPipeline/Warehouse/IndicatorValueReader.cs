namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

using Dapper;

using PerfPipeline.Indicators;

/// <summary>Reads indicator values from <c>fact_indicator_value_current</c> (plain SQL, both dialects).</summary>
internal static class IndicatorValueReader
{
    internal const string CurrentSql = """
        SELECT v.la_code AS LaCode, v.indicator_code AS IndicatorCode, v.period_type AS PeriodType, p.start_date AS PeriodStart,
               v.numerator AS Numerator, v.denominator AS Denominator, v.value AS Value, n.reason AS Reason, n.basis AS Basis
        FROM fact_indicator_value_current AS v
        JOIN dim_period AS p ON p.period_type = v.period_type AND p.period_code = v.period_code
        LEFT JOIN fact_indicator_note AS n
          ON n.la_code = v.la_code AND n.indicator_code = v.indicator_code AND n.period_type = v.period_type
         AND n.period_code = v.period_code AND n.load_id = v.load_id
        WHERE v.la_code = @LaCode
        ORDER BY v.indicator_code, v.period_type, p.start_date
        """;

    public static async Task<IReadOnlyList<IndicatorValue>> ReadCurrentAsync(DbConnection connection, string laCode, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<ValueRow>(new CommandDefinition(CurrentSql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new IndicatorValue(
            r.LaCode, r.IndicatorCode, CalendarDimensions.PeriodOf(r.PeriodType, r.PeriodStart), r.Numerator, r.Denominator, r.Value)
        {
            Reason = r.Reason,
            Basis = r.Basis,
        })];
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record ValueRow(
        string LaCode, string IndicatorCode, string PeriodType, DateOnly PeriodStart, decimal? Numerator, decimal? Denominator, decimal? Value,
        string? Reason, string? Basis);
}
