namespace PerfPipeline.Warehouse.Sqlite;

using Dapper;

using Microsoft.Data.Sqlite;

/// <summary>Writes the catalogue rows of <c>dim_indicator</c> that are missing or differ; writes nothing when up to date.</summary>
internal static class SqliteIndicatorDimension
{
    private const string UpsertSql = """
        INSERT INTO dim_indicator (indicator_code, label, item, item_title, unit, polarity, display_precision, national_value, national_period, sort_order)
        VALUES (@Code, @Label, @Item, @ItemTitle, @Unit, @Polarity, @DisplayPrecision, @NationalValue, @NationalPeriod, @SortOrder)
        ON CONFLICT (indicator_code) DO UPDATE SET
            label = excluded.label, item = excluded.item, item_title = excluded.item_title, unit = excluded.unit,
            polarity = excluded.polarity, display_precision = excluded.display_precision, national_value = excluded.national_value,
            national_period = excluded.national_period, sort_order = excluded.sort_order
        """;

    public static async Task FillAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<IndicatorDimension.Row>(
            new CommandDefinition(IndicatorDimension.SelectSql, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToHashSet();
        var changed = IndicatorDimension.Rows().Where(row => !stored.Contains(row)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var transaction = connection.BeginTransaction(deferred: false);
        await using (transaction.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(UpsertSql, changed, transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
