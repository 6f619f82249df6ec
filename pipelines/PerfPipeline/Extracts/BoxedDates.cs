namespace PerfPipeline.Extracts;

/// <summary>
/// Boxed <see cref="DateOnly"/> values shared across rows: a batch holds a few thousand distinct dates over
/// millions of cells, so each is boxed once (dates after <c>as_at</c> are rejected and never stored).
/// </summary>
internal sealed class BoxedDates(DateOnly asAt)
{
    private static readonly int FirstDay = new DateOnly(1900, 1, 1).DayNumber;

    private readonly object?[] _boxes = new object?[Math.Max(0, asAt.DayNumber - FirstDay + 1)];

    public object Get(DateOnly date)
    {
        var index = (uint)(date.DayNumber - FirstDay);
        if (index >= (uint)_boxes.Length)
        {
            return date;
        }

        return _boxes[index] ??= date;
    }
}
