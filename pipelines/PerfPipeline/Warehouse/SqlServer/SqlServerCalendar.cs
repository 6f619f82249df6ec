namespace PerfPipeline.Warehouse.SqlServer;

using System.Data;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

using Dapper;

using Microsoft.Data.SqlClient;

using PerfPipeline.Calendar;

/// <summary>
/// Fills <c>dim_date</c> and <c>dim_period</c> from the calendar when they do not match it (first run, new bank
/// holidays): the rows are bulk-copied into <c>stage.*</c> and merged in one transaction. Also writes the
/// indicator catalogue into <c>dim_indicator</c>.
/// </summary>
internal static class SqlServerCalendar
{
    public static async Task FillAsync(SqlConnection connection, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var dates = CalendarDimensions.Dates(calendar).ToList();
        var periods = CalendarDimensions.Periods();
        var range = new DynamicParameters();
        range.Add("First", SqlServerValues.Date(CalendarDimensions.First), DbType.Date);
        range.Add("Last", SqlServerValues.Date(CalendarDimensions.Last), DbType.Date);
        var stored = await connection.QuerySingleAsync<StoredCounts>(new CommandDefinition(
            SqlServerStatements.CalendarCounts.Sql,
            range,
            commandTimeout: SqlServerConnections.CommandTimeoutSeconds,
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (stored.Dates == dates.Count && stored.BankHolidays == dates.Count(d => d.IsBankHoliday) && stored.Periods == periods.Count)
        {
            return;
        }

        // The fill's own key in the staging tables, so that two migrations at once stage side by side.
        var stageKey = string.Create(CultureInfo.InvariantCulture, $"calendar-{Guid.NewGuid():N}");
        var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await SqlServerBulkCopy.WriteAsync(connection, transaction, SqlServerStatements.StagedDates, dates, (row, values) =>
            {
                values[0] = stageKey;
                values[1] = row.DateKey;
                values[2] = SqlServerValues.Date(row.Date);
                values[3] = row.Date.Year;
                values[4] = row.Date.Month;
                values[5] = row.MonthCode;
                values[6] = row.DayOfWeek;
                values[7] = row.FinancialYearStart;
                values[8] = row.FinancialYearCode;
                values[9] = row.FyQuarter;
                values[10] = row.FyQuarterCode;
                values[11] = row.IsWeekend;
                values[12] = row.IsBankHoliday;
                values[13] = row.IsWorkingDay;
            }, cancellationToken).ConfigureAwait(false);
            await SqlServerBulkCopy.WriteAsync(connection, transaction, SqlServerStatements.StagedPeriods, periods, (period, values) =>
            {
                values[0] = stageKey;
                FillPeriod(period, values.AsSpan(1));
            }, cancellationToken).ConfigureAwait(false);
            await connection.ExecuteAsync(new CommandDefinition(
                SqlServerStatements.MergeStagedCalendar.Sql, new { LoadId = stageKey }, transaction, SqlServerConnections.CommandTimeoutSeconds,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts or updates every catalogue row of <c>dim_indicator</c> (a few dozen rows).</summary>
    public static async Task FillIndicatorsAsync(SqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = IndicatorDimension.Rows().Select(r => new
        {
            r.Code,
            r.Label,
            Item = checked((int)r.Item),
            r.ItemTitle,
            r.Unit,
            r.Polarity,
            DisplayPrecision = checked((int)r.DisplayPrecision),
            NationalValue = (decimal?)r.NationalValue,
            r.NationalPeriod,
            SortOrder = checked((int)r.SortOrder),
        }).ToList();
        var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqlServerStatements.UpsertIndicator.Sql, rows, transaction, SqlServerConnections.CommandTimeoutSeconds, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A <c>dim_period</c> row after its key: period_type, period_code, start_date, end_date, financial_year_code.</summary>
    public static void FillPeriod(Period period, Span<object> values)
    {
        values[0] = CalendarDimensions.TypeCode(period);
        values[1] = period.Code;
        values[2] = SqlServerValues.Date(period.Start);
        values[3] = SqlServerValues.Date(period.End);
        values[4] = CalendarDimensions.FinancialYearCode(period);
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "Instantiated by Dapper.")]
    private sealed record StoredCounts(long Dates, long BankHolidays, long Periods);
}
