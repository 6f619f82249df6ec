namespace PerfPipeline.Indicators.WorkDue;

/// <summary>How each kind of work is named in the warehouse, the JSON and CSV (snake case), and shown on pages.</summary>
public static class WorkItemKinds
{
    private static readonly (WorkItemKind Kind, string Code, string Label)[] Names =
    [
        (WorkItemKind.CpVisit, "cp_visit", "CP visit"),
        (WorkItemKind.CicVisit, "cic_visit", "Visit to child in care"),
        (WorkItemKind.Assessment, "assessment", "Assessment (45 working days)"),
        (WorkItemKind.CpPlan18Months, "cp_plan_18_months", "CP plan at 18 months"),
        (WorkItemKind.ReturnHomeInterview, "return_home_interview", "Return home interview"),
    ];

    public static string Code(WorkItemKind kind) => Names.Single(n => n.Kind == kind).Code;

    public static string Label(WorkItemKind kind) => Names.Single(n => n.Kind == kind).Label;

    public static WorkItemKind Parse(string code) =>
        Names.FirstOrDefault(n => n.Code == code) is { Code: not null } name ? name.Kind : throw new FormatException($"'{code}' is not a kind of work item.");
}
