namespace PerfPipeline.Warehouse.Sqlite;

using Dapper;

using Microsoft.Data.Sqlite;

using PerfPipeline.Calendar;

/// <summary>Fills <c>dim_date</c> and <c>dim_period</c> when they do not match the calendar (first run, new holidays).</summary>
internal static class SqliteCalendarDimensions
{
    public static async Task FillAsync(SqliteConnection connection, WorkingDayCalendar calendar, CancellationToken cancellationToken)
    {
        var dates = CalendarDimensions.Dates(calendar).ToList();
        var periods = CalendarDimensions.Periods();
        var bankHolidays = dates.Count(d => d.IsBankHoliday);
        var (storedDates, storedHolidays, storedPeriods) = await connection.QuerySingleAsync<(long, long, long)>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM dim_date), (SELECT COUNT(*) FROM dim_date WHERE is_bank_holiday = 1),
                   (SELECT COUNT(*) FROM dim_period WHERE start_date BETWEEN @First AND @Last)
            """,
            new { First = StoredValues.Date(CalendarDimensions.First), Last = StoredValues.Date(CalendarDimensions.Last) },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (storedDates == dates.Count && storedHolidays == bankHolidays && storedPeriods == periods.Count)
        {
            return;
        }

        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            using (var command = SqliteCommands.Prepare(connection, transaction, """
                INSERT OR REPLACE INTO dim_date (date_key, calendar_date, calendar_year, month_number, month_code, day_of_week,
                    financial_year_start, financial_year_code, fy_quarter, fy_quarter_code, is_weekend, is_bank_holiday, is_working_day)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12)
                """, 13))
            {
                var p = command.Parameters;
                foreach (var row in dates)
                {
                    p[0].Value = row.DateKey;
                    p[1].Value = row.CalendarDate;
                    p[2].Value = row.Date.Year;
                    p[3].Value = row.Date.Month;
                    p[4].Value = row.MonthCode;
                    p[5].Value = row.DayOfWeek;
                    p[6].Value = row.FinancialYearStart;
                    p[7].Value = row.FinancialYearCode;
                    p[8].Value = row.FyQuarter;
                    p[9].Value = row.FyQuarterCode;
                    p[10].Value = row.IsWeekend;
                    p[11].Value = row.IsBankHoliday;
                    p[12].Value = row.IsWorkingDay;
                    command.ExecuteNonQuery();
                }
            }

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
