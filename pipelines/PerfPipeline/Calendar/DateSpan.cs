namespace PerfPipeline.Calendar;

/// <summary>
/// Days from a start to an end, both included, as a CP plan or a period of care runs; no end: still open, so every day
/// from the start on. One rule for the visit measures and for the reader's choice of a visit's plan.
/// </summary>
internal static class DateSpan
{
    public static bool Covers(DateOnly start, DateOnly? end, DateOnly day) => day >= start && (end is not { } last || day <= last);
}
