namespace PerfPipeline.Indicators.WorkDue;

/// <summary>
/// One case's item of work due or overdue on the list's as-at date. Keys are pseudonyms only: the LA maps them back
/// inside its own walls (<c>perfpipeline reidentify</c>). <see cref="DaysOverdue"/> is the as-at date minus the due date
/// in calendar days: positive when overdue, 0 on the due date, negative while still to come.
/// </summary>
public sealed record WorkItem(
    WorkItemKind Kind,
    string ItemId,
    string TeamKey,
    string? WorkerKey,
    string PersonKey,
    DateOnly CountedFrom,
    DateOnly DueDate,
    int DaysOverdue);
