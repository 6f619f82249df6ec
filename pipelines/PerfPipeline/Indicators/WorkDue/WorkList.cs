namespace PerfPipeline.Indicators.WorkDue;

/// <summary>The work due and overdue for one LA on the as-at date of its newest batch, most overdue first.</summary>
public sealed record WorkList(string LaCode, DateOnly AsAt, IReadOnlyList<WorkItem> Items)
{
    /// <summary>Only the items of <paramref name="teamKey"/>; every item when it is null.</summary>
    public WorkList ForTeam(string? teamKey) =>
        teamKey is null ? this : this with { Items = [.. Items.Where(i => string.Equals(i.TeamKey, teamKey, StringComparison.Ordinal))] };
}
