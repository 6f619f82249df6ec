namespace PerfPipeline.Warehouse.Sqlite;

using PerfPipeline.Extracts;

/// <summary>
/// A row of a batch as the warehouse holds it once the load has written it: each value goes through the conversion
/// its column's storage makes (the date of birth to its month, numbers through REAL), so it reads as
/// <see cref="SqliteCaseRow"/> would read it back.
/// </summary>
internal sealed class WrittenCaseRow(AcceptedRows rows) : ICaseRow
{
    private readonly IReadOnlyList<ColumnSpec> _columns = rows.Contract.Columns;

    public int Row { get; set; }

    public string Text(int column) => TextOrNull(column) ?? throw Missing(column);

    public string? TextOrNull(int column) => rows.Text(Row, column);

    public DateOnly Date(int column) => DateOrNull(column) ?? throw Missing(column);

    public DateOnly? DateOrNull(int column) => rows.Date(Row, column) is { } date ? StoredValues.ToStoredDate(_columns[column], date) : null;

    public bool Flag(int column) => FlagOrNull(column) ?? throw Missing(column);

    public bool? FlagOrNull(int column) => rows.Flag(Row, column);

    public decimal Number(int column) => NumberOrNull(column) ?? throw Missing(column);

    public decimal? NumberOrNull(int column) => rows.Number(Row, column) is { } number ? (decimal)(double)number : null;

    private InvalidOperationException Missing(int column) =>
        new($"{rows.Contract.Name} row {rows.RowNumber(Row)} has no {_columns[column].Name}, which its table requires.");
}
