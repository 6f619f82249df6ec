namespace PerfPipeline.Warehouse.SqlServer;

using PerfPipeline.Extracts;

/// <summary>
/// How values are sent to Azure SQL: dates as <see cref="DateTime"/> (date columns), flags as <see cref="bool"/> (bit),
/// numbers as <see cref="decimal"/> rounded to the column's scale as SQL Server itself would round them, text as is.
/// </summary>
internal static class SqlServerValues
{
    /// <summary>Scale of the contract's Number columns: decimal(18, 6).</summary>
    public const int NumberScale = 6;

    /// <summary>Scale of indicator values and national comparators: decimal(28, 12).</summary>
    public const int MeasureScale = 12;

    public static object Stored(ColumnSpec column, object? value) => value switch
    {
        null => DBNull.Value,
        DateOnly date => StoredValues.ToStoredDate(column, date).ToDateTime(TimeOnly.MinValue),
        decimal number => Round(number, NumberScale),
        _ => value,
    };

    public static object Measure(decimal? value) => value is { } v ? Round(v, MeasureScale) : DBNull.Value;

    public static DateTime Date(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    /// <summary>A UTC instant for a datetime2 column.</summary>
    public static DateTime Timestamp(DateTimeOffset time) => time.UtcDateTime;

    public static DateTimeOffset Timestamp(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static decimal Round(decimal value, int scale) => Math.Round(value, scale, MidpointRounding.AwayFromZero);
}
