namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;
using PerfPipeline.Generation.Profile;

/// <summary>
/// EHC needs assessments: requests, assessments and named plans, each quarter's plans (within 20 weeks of the
/// request, late, or under an exception) met exactly, with refused requests and assessments ending without a
/// plan alongside. The active plans snapshot is the plans issued here and still in force, plus plans that
/// came from before the history or from other LAs, to the caseload targets.
/// </summary>
internal sealed class EhcpBuilder(GenerationContext context)
{
    private readonly Random _random = context.Random;
    private readonly List<(EhcpNamedPlan Plan, EhcpRequest Request, Person Child, bool InBorough)> _issued = [];
    private readonly List<(string Id, Person Child, bool InBorough)> _inherited = [];

    public void Build()
    {
        var targets = context.Quarters.Resolve(context.Profile.EhcpIssued);
        foreach (var quarter in context.Quarters.Quarters)
        {
            var target = targets[quarter];
            for (var i = 0; i < target.Plans + target.Exceptions; i++)
            {
                Issue(quarter.Start, Dates.Min(quarter.End, context.End), within: i < target.WithinTwentyWeeks, exception: i >= target.Plans);
            }

            for (var i = 0; i < target.Plans / 4; i++)
            {
                NotIssued(quarter.Start, quarter.End);
            }
        }

        foreach (var asAt in context.Profile.Batches)
        {
            if (Target(asAt) is { } target)
            {
                Snapshot(asAt, target);
            }
        }
    }

    private EhcpCaseloadTarget? Target(DateOnly asAt)
    {
        if (context.Profile.SnapshotsFrom.TryGetValue(Extracts.ExtractContract.EhcpActivePlans.Name, out var first) && asAt < first)
        {
            return null;
        }

        var targets = context.Profile.EhcpCaseload;
        return asAt == context.LastYearQuarter.End ? targets.LastYearQuarter
            : asAt == context.Year.End ? targets.Year
            : asAt == context.Quarter.End ? targets.Quarter
            : null;
    }

    private void Issue(DateOnly from, DateOnly to, bool within, bool exception)
    {
        var calendar = context.Calendar;
        var issued = calendar.RandomWorkingDay(_random, from, to)!.Value;
        var elapsed = within ? _random.Between(98, 140) : _random.Between(146, 320);
        var requested = calendar.OnOrAfter(issued.AddDays(-elapsed));
        var request = new EhcpRequest(
            context.NextId("EHR", 10_001), requested, calendar.OnOrAfter(requested.AddDays(_random.Between(28, 42))), "Assessment agreed");
        var assessment = new EhcpAssessment(
            context.NextId("EHA", 20_001), request.EhcpRequestId, calendar.OnOrBefore(issued.AddDays(-_random.Between(5, 15))), "Plan to be issued",
            exception ? true : _random.Chance(0.9) ? false : null);
        var ceased = issued.AddDays(_random.Between(200, 1500));
        var plan = new EhcpNamedPlan(context.NextId("EHP", 30_001), assessment.EhcpAssessmentId, issued, _random.Chance(0.12) && ceased <= context.End ? ceased : null);
        context.World.EhcpRequests.Add(request);
        context.World.EhcpAssessments.Add(assessment);
        context.World.EhcpNamedPlans.Add(plan);
        _issued.Add((plan, request, context.People.Child(issued, _random.Between(2, 17)), _random.Chance(0.55)));
    }

    // A request refused, or assessed without a plan following.
    private void NotIssued(DateOnly from, DateOnly to)
    {
        var requested = context.Calendar.RandomWorkingDay(_random, from.AddDays(-120), to.AddDays(-120))!.Value;
        var decided = context.Calendar.OnOrAfter(requested.AddDays(_random.Between(28, 42)));
        var refused = _random.Chance(0.6);
        var request = new EhcpRequest(context.NextId("EHR", 10_001), requested, decided, refused ? "Assessment refused" : "Assessment agreed");
        context.World.EhcpRequests.Add(request);
        if (!refused)
        {
            context.World.EhcpAssessments.Add(new EhcpAssessment(
                context.NextId("EHA", 20_001), request.EhcpRequestId, context.Calendar.OnOrAfter(decided.AddDays(_random.Between(40, 70))), "No plan", false));
        }
    }

    private void Snapshot(DateOnly asAt, EhcpCaseloadTarget target)
    {
        var active = _issued.Where(p => p.Plan.PlanStartDate <= asAt && (p.Plan.PlanCeasedDate is null || p.Plan.PlanCeasedDate > asAt)).ToList();
        var rows = active.Select(p => new EhcpActivePlan(p.Plan.NamedPlanId, p.Request.EhcpRequestId, p.Child.PersonKey, p.InBorough)).ToList();
        foreach (var inBorough in new[] { true, false })
        {
            var need = (inBorough ? target.InBorough : target.OutOfBorough) - active.Count(p => p.InBorough == inBorough);
            var kept = _inherited.Where(p => p.InBorough == inBorough).ToList();
            if (need < 0)
            {
                throw new InvalidOperationException($"EHC plans issued and active at {asAt:yyyy-MM-dd} exceed the caseload target.");
            }

            // Some inherited plans end (the young person moved on) and others arrive from other LAs.
            foreach (var gone in kept.Where(_ => _random.Chance(0.04)).Concat(kept.Skip(need)).Distinct().ToList())
            {
                _inherited.Remove(gone);
                kept.Remove(gone);
            }

            while (kept.Count < need)
            {
                var arriving = (context.NextId("EHL", 50_001), context.People.Child(asAt, _random.Between(4, 24)), inBorough);
                _inherited.Add(arriving);
                kept.Add(arriving);
            }

            rows.AddRange(kept.Select(p => new EhcpActivePlan(p.Id, null, p.Child.PersonKey, p.InBorough)));
        }

        context.World.EhcpActivePlanSnapshots.Add(new Snapshot<EhcpActivePlan>(asAt, rows));
    }
}
