namespace PerfPipeline.Warehouse;

using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

using Dapper;

using PerfPipeline.Calendar;
using PerfPipeline.Indicators;

/// <summary>Reads indicator values from <c>fact_indicator_value_current</c> (plain SQL, both dialects).</summary>
internal static class IndicatorValueReader
{
    private const string CurrentSql = """
        SELECT la_code AS LaCode, indicator_code AS IndicatorCode, period_code AS PeriodCode,
               numerator AS Numerator, denominator AS Denominator, value AS Value
        FROM fact_indicator_value_current
        WHERE la_code = @LaCode
        ORDER BY indicator_code, period_code
        """;

    public static async Task<IReadOnlyList<IndicatorValue>> ReadCurrentAsync(DbConnection connection, string laCode, CancellationToken cancellationToken)
    {
        WarehouseTypeHandlers.Register();
        var rows = await connection.QueryAsync<ValueRow>(new CommandDefinition(CurrentSql, new { LaCode = laCode }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(r => new IndicatorValue(r.LaCode, r.IndicatorCode, Period.Parse(r.PeriodCode), r.Numerator, r.Denominator, r.Value))];
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record ValueRow(string LaCode, string IndicatorCode, string PeriodCode, decimal? Numerator, decimal? Denominator, decimal? Value);
}
