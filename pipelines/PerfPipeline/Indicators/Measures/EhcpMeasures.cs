namespace PerfPipeline.Indicators.Measures;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>Item 1: Education, Health and Care plans.</summary>
internal static class EhcpMeasures
{
    public static IEnumerable<(string Code, IMeasure Measure)> Create(MeasureContext context)
    {
        var activePlans = new SnapshotRows<EhcpActivePlan>(context.Data.EhcpActivePlanSnapshots, ExtractContract.EhcpActivePlans.Name);
        // No SSD script fills ehcp_educated_in_borough: with no value in any snapshot, in and out of borough are n/a.
        var snapshots = context.Data.EhcpActivePlanSnapshots;
        var boroughSupplied = snapshots.Count == 0 || snapshots.Any(static s => s.Rows.Any(static p => p.EducatedInBorough is not null));
        const string NotSupplied = "ssd_ehcp_active_plans.ehcp_educated_in_borough not supplied";
        yield return (EhcpCurrentInBorough, boroughSupplied
            ? new PeriodEndMeasure(d => activePlans.Count(d, static p => p.EducatedInBorough == true))
            : new NotAvailableMeasure(NotSupplied));
        yield return (EhcpCurrentOutOfBorough, boroughSupplied
            ? new PeriodEndMeasure(d => activePlans.Count(d, static p => p.EducatedInBorough == false))
            : new NotAvailableMeasure(NotSupplied));
        yield return (EhcpIssuedWithin20WeeksPct, context.WhenSupplied(
            [ExtractContract.EhcpNamedPlans, ExtractContract.EhcpAssessments, ExtractContract.EhcpRequests],
            () => IssuedWithin20Weeks(context.Data, context.Settings.EhcpIssueDays)));
    }

    /// <summary>
    /// Plans issued in the period, joined plan → assessment → request (a plan missing either is left out),
    /// excluding assessments with exceptions; in time when issued within the limit of the request.
    /// </summary>
    private static FlowSeries IssuedWithin20Weeks(LaCaseData data, int limitDays)
    {
        var assessments = FirstById(data.EhcpAssessments, static a => a.EhcpAssessmentId);
        var requests = FirstById(data.EhcpRequests, static r => r.EhcpRequestId);
        var counted = new List<(DateOnly Issued, bool InTime)>();
        foreach (var plan in data.EhcpNamedPlans)
        {
            if (assessments.TryGetValue(plan.EhcpAssessmentId, out var assessment)
                && requests.TryGetValue(assessment.EhcpRequestId, out var request)
                && assessment.AssessmentExceptions != true)
            {
                counted.Add((plan.PlanStartDate, plan.PlanStartDate.DayNumber - request.RequestDate.DayNumber <= limitDays));
            }
        }

        return FlowSeries.Create(counted, static p => p.Issued, static p => p.InTime ? 1 : 0, FlowStatistic.Percent);
    }

    private static Dictionary<string, T> FirstById<T>(IReadOnlyList<T> rows, Func<T, string> id)
    {
        var byId = new Dictionary<string, T>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            byId.TryAdd(id(row), row);
        }

        return byId;
    }
}
