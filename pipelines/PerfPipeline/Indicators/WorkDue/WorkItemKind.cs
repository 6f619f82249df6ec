namespace PerfPipeline.Indicators.WorkDue;

/// <summary>The kinds of work the team managers' list holds.</summary>
public enum WorkItemKind
{
    /// <summary>A statutory child protection visit: due the set working days after the previous visit or the plan start.</summary>
    CpVisit,

    /// <summary>A statutory visit to a child in care: due the set days after the previous visit, or after the care start for the first.</summary>
    CicVisit,

    /// <summary>A children's social care assessment open past working day 35: due on working day 45.</summary>
    Assessment,

    /// <summary>A child protection plan reaching 18 months.</summary>
    CpPlan18Months,

    /// <summary>A return home interview after a missing episode: due within 72 hours of the return.</summary>
    ReturnHomeInterview,
}
