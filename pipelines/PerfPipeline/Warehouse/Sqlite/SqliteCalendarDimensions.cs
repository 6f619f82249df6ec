namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

using PerfPipeline.Calendar;

/// <summary>
/// Fills <c>dim_date</c> and <c>dim_period</c> when they do not match the calendar (first run, new holidays). The 14,610
/// days go in one statement over the rows as JSON (<see cref="SqliteJsonRows"/>) rather than one execution of a prepared
/// insert per day, each rebinding 13 parameters by name: on a new file about 80 ms of processor time less
/// (docs/performance.md, the seeds). The few hundred periods share the load's prepared insert.
/// </summary>
internal static class SqliteCalendarDimensions
{
    public static async Task FillAsync(SqliteConnection connection, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var dates = CalendarDimensions.Dates(calendar).ToList();
        var periods = CalendarDimensions.Periods();
        var bankHolidays = dates.Count(d => d.IsBankHoliday);
        long storedDates, storedHolidays, storedPeriods;
        using (var stored = connection.CreateCommand())
        {
            stored.CommandText = """
                SELECT (SELECT COUNT(*) FROM dim_date), (SELECT COUNT(*) FROM dim_date WHERE is_bank_holiday = 1),
                       (SELECT COUNT(*) FROM dim_period WHERE start_date BETWEEN $first AND $last)
                """;
            stored.Parameters.AddWithValue("$first", StoredValues.Date(CalendarDimensions.First));
            stored.Parameters.AddWithValue("$last", StoredValues.Date(CalendarDimensions.Last));
            using var reader = await stored.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            (storedDates, storedHolidays, storedPeriods) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        if (storedDates == dates.Count && storedHolidays == bankHolidays && storedPeriods == periods.Count)
        {
            return;
        }

        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            SqliteJsonRows.Insert(connection, transaction, """
                INSERT OR REPLACE INTO dim_date (date_key, calendar_date, calendar_year, month_number, month_code, day_of_week,
                    financial_year_start, financial_year_code, fy_quarter, fy_quarter_code, is_weekend, is_bank_holiday, is_working_day)
                """, 13, dates, static (json, row) =>
            {
                json.WriteNumberValue(row.DateKey);
                json.WriteStringValue(row.CalendarDate);
                json.WriteNumberValue(row.Date.Year);
                json.WriteNumberValue(row.Date.Month);
                json.WriteStringValue(row.MonthCode);
                json.WriteNumberValue(row.DayOfWeek);
                json.WriteNumberValue(row.FinancialYearStart);
                json.WriteStringValue(row.FinancialYearCode);
                json.WriteNumberValue(row.FyQuarter);
                json.WriteStringValue(row.FyQuarterCode);
                json.WriteNumberValue(row.IsWeekend ? 1 : 0);
                json.WriteNumberValue(row.IsBankHoliday ? 1 : 0);
                json.WriteNumberValue(row.IsWorkingDay ? 1 : 0);
            });
            using (var command = PreparePeriodInsert(connection, transaction, "INSERT OR REPLACE"))
            {
                foreach (var period in periods)
                {
                    Bind(command.Parameters, period);
                    command.ExecuteNonQuery();
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>An insert into <c>dim_period</c> whose parameters <see cref="Bind"/> sets.</summary>
    public static SqliteCommand PreparePeriodInsert(SqliteConnection connection, SqliteTransaction transaction, string insert) =>
        SqliteCommands.Prepare(connection, transaction,
            $"{insert} INTO dim_period (period_code, period_type, start_date, end_date, financial_year_code) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);

    public static void Bind(SqliteParameterCollection parameters, Period period)
    {
        parameters[0].Value = period.Code;
        parameters[1].Value = CalendarDimensions.TypeCode(period);
        parameters[2].Value = StoredValues.Date(period.Start);
        parameters[3].Value = StoredValues.Date(period.End);
        parameters[4].Value = CalendarDimensions.FinancialYearCode(period);
    }
}
