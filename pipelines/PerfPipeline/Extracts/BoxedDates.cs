namespace PerfPipeline.Extracts;

/// <summary>
/// Boxed <see cref="DateOnly"/> values shared by every <see cref="AcceptedRow"/> built from stored rows: a batch holds a
/// few thousand distinct dates over millions of cells, so each is boxed once. Boxes are immutable, so sharing them
/// across threads is safe; a race at worst boxes one date twice.
/// </summary>
internal static class BoxedDates
{
    private static readonly int FirstDay = new DateOnly(1900, 1, 1).DayNumber;
    private static readonly object?[] Boxes = new object?[new DateOnly(2100, 1, 1).DayNumber - FirstDay];

    public static object Get(DateOnly date)
    {
        var index = (uint)(date.DayNumber - FirstDay);
        if (index >= (uint)Boxes.Length)
        {
            return date;
        }

        return Boxes[index] ??= date;
    }
}
