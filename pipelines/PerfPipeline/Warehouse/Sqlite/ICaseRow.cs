namespace PerfPipeline.Warehouse.Sqlite;

/// <summary>
/// One row of case data read by column position (the contract's column order) in the types the case data records
/// take, whether it comes from the warehouse (<see cref="SqliteCaseRow"/>) or from the batch a load has just written
/// (<see cref="WrittenCaseRow"/>): one mapping per record serves both.
/// </summary>
internal interface ICaseRow
{
    string Text(int column);

    string? TextOrNull(int column);

    DateOnly Date(int column);

    DateOnly? DateOrNull(int column);

    bool Flag(int column);

    bool? FlagOrNull(int column);

    decimal Number(int column);

    decimal? NumberOrNull(int column);
}
