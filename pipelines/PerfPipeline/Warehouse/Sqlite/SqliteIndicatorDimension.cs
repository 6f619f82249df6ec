namespace PerfPipeline.Warehouse.Sqlite;

using Microsoft.Data.Sqlite;

/// <summary>Writes the catalogue rows of <c>dim_indicator</c> that are missing or differ; writes nothing when up to date.</summary>
internal static class SqliteIndicatorDimension
{
    private const string UpsertSql = """
        INSERT INTO dim_indicator (indicator_code, label, item, item_title, unit, polarity, display_precision, national_value, national_period, sort_order)
        VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9)
        ON CONFLICT (indicator_code) DO UPDATE SET
            label = excluded.label, item = excluded.item, item_title = excluded.item_title, unit = excluded.unit,
            polarity = excluded.polarity, display_precision = excluded.display_precision, national_value = excluded.national_value,
            national_period = excluded.national_period, sort_order = excluded.sort_order
        """;

    public static async Task FillAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(connection, cancellationToken).ConfigureAwait(false);
        var changed = IndicatorDimension.Rows().Where(row => !stored.Contains(row)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            // One prepared statement, rebound per row (all of them on a new file).
            using (var upsert = SqliteCommands.Prepare(connection, transaction, UpsertSql, 10))
            {
                var p = upsert.Parameters;
                foreach (var row in changed)
                {
                    p[0].Value = row.Code;
                    p[1].Value = row.Label;
                    p[2].Value = row.Item;
                    p[3].Value = row.ItemTitle;
                    p[4].Value = row.Unit;
                    p[5].Value = row.Polarity;
                    p[6].Value = row.DisplayPrecision;
                    p[7].Value = row.NationalValue is { } value ? value : DBNull.Value;
                    p[8].Value = row.NationalPeriod is { } period ? period : DBNull.Value;
                    p[9].Value = row.SortOrder;
                    await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The stored rows, read by the columns' order in <see cref="IndicatorDimension.SelectSql"/>.</summary>
    private static async Task<HashSet<IndicatorDimension.Row>> StoredAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var stored = new HashSet<IndicatorDimension.Row>();
        using var select = connection.CreateCommand();
        select.CommandText = IndicatorDimension.SelectSql;
        var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored.Add(new IndicatorDimension.Row(
                    reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                    reader.GetInt64(6), reader.IsDBNull(7) ? null : reader.GetDouble(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                    reader.GetInt64(9)));
            }
        }

        return stored;
    }
}
