namespace PerfPipeline.Generation;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>
/// What an extract taken on <c>as_at</c> holds: records that exist by then, with any later date not known
/// yet (an open plan shows no end), that batch's snapshots, and the people those records name.
/// </summary>
internal static class AsAtCut
{
    public static LaCaseData Cut(SyntheticWorld world, DateOnly asAt)
    {
        DateOnly? Known(DateOnly? date) => date <= asAt ? date : null;

        var requests = world.EhcpRequests.Where(r => r.RequestDate <= asAt)
            .Select(r => r with { RequestOutcomeDate = Known(r.RequestOutcomeDate), RequestOutcome = r.RequestOutcomeDate <= asAt ? r.RequestOutcome : null })
            .ToList();
        var decided = world.EhcpRequests.Where(r => r.RequestOutcomeDate <= asAt).Select(r => r.EhcpRequestId).ToHashSet(StringComparer.Ordinal);
        var data = new LaCaseData
        {
            LaCode = world.LaCode,
            AsAt = asAt,
            SuppliedDatasets = ExtractContract.Datasets.Where(d => d.Kind == DatasetKind.Event).Select(d => d.Name).ToHashSet(StringComparer.Ordinal),
            Referrals = [.. world.Referrals.Where(r => r.ReferralDate <= asAt).Select(r => r with { CloseDate = Known(r.CloseDate), ReferralNfa = r.CloseDate <= asAt ? r.ReferralNfa : null })],
            Assessments = [.. world.Assessments.Where(a => a.AssessmentStartDate <= asAt).Select(a => a with { AssessmentAuthDate = Known(a.AssessmentAuthDate) })],
            CpPlans = [.. world.CpPlans.Where(p => p.PlanStartDate <= asAt).Select(p => p with { PlanEndDate = Known(p.PlanEndDate) })],
            CpVisits = [.. world.CpVisits.Where(v => v.VisitDate <= asAt)],
            CareEpisodes = [.. world.CareEpisodes.Where(e => e.EpisodeStartDate <= asAt).Select(e => e with { EpisodeCeasedDate = Known(e.EpisodeCeasedDate) })],
            CareVisits = [.. world.CareVisits.Where(v => v.VisitDate <= asAt)],
            Involvements = [.. world.Involvements.Where(i => i.InvolvementStartDate <= asAt).Select(i => i with { InvolvementEndDate = Known(i.InvolvementEndDate) })],
            MissingEpisodes = [.. world.MissingEpisodes.Where(m => m.EpisodeStartDate <= asAt).Select(m => m with
            {
                EpisodeEndDate = Known(m.EpisodeEndDate),
                RhiDate = Known(m.RhiDate),
                RhiAccepted = m.RhiDate > asAt ? null : m.RhiAccepted,
            })],
            EarlyHelpEpisodes = [.. world.EarlyHelpEpisodes.Where(e => e.EpisodeStartDate <= asAt)
                .Select(e => e with { EpisodeEndDate = Known(e.EpisodeEndDate), AssessmentCompletedDate = Known(e.AssessmentCompletedDate) })],
            EhcpRequests = requests,
            EhcpAssessments = [.. world.EhcpAssessments.Where(a => decided.Contains(a.EhcpRequestId))
                .Select(a => a with
                {
                    AssessmentOutcomeDate = Known(a.AssessmentOutcomeDate),
                    AssessmentOutcome = a.AssessmentOutcomeDate <= asAt ? a.AssessmentOutcome : null,
                    AssessmentExceptions = a.AssessmentOutcomeDate <= asAt ? a.AssessmentExceptions : null,
                })],
            EhcpNamedPlans = [.. world.EhcpNamedPlans.Where(p => p.PlanStartDate <= asAt).Select(p => p with { PlanCeasedDate = Known(p.PlanCeasedDate) })],
            Professionals = [.. world.Professionals.Where(p => p.EmploymentStartDate <= asAt).Select(p => p with { EmploymentEndDate = Known(p.EmploymentEndDate) })],
            CareLeaverSnapshots = [.. world.CareLeaverSnapshots.Where(s => s.AsAt == asAt)],
            EhcpActivePlanSnapshots = [.. world.EhcpActivePlanSnapshots.Where(s => s.AsAt == asAt)],
            MissingEducationSnapshots = [.. world.MissingEducationSnapshots.Where(s => s.AsAt == asAt)],
        };
        return data with { People = PeopleNamed(world, data, asAt) };
    }

    /// <summary>The whole history with every batch's snapshots: what the warehouse holds once every batch is loaded.</summary>
    public static LaCaseData Loaded(SyntheticWorld world) =>
        Cut(world, world.End) with
        {
            CareLeaverSnapshots = world.CareLeaverSnapshots,
            EhcpActivePlanSnapshots = world.EhcpActivePlanSnapshots,
            MissingEducationSnapshots = world.MissingEducationSnapshots,
        };

    // Snapshot rows of every batch so far count: the newest batch's people supersede older batches' people.
    private static List<Person> PeopleNamed(SyntheticWorld world, LaCaseData data, DateOnly asAt)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        keys.UnionWith(data.Referrals.Select(r => r.PersonKey));
        keys.UnionWith(data.Assessments.Select(r => r.PersonKey));
        keys.UnionWith(data.CpPlans.Select(r => r.PersonKey));
        keys.UnionWith(data.CareEpisodes.Select(r => r.PersonKey));
        keys.UnionWith(data.MissingEpisodes.Select(r => r.PersonKey));
        keys.UnionWith(data.EarlyHelpEpisodes.Select(r => r.PersonKey));
        keys.UnionWith(world.CareLeaverSnapshots.Where(s => s.AsAt <= asAt).SelectMany(s => s.Rows).Select(r => r.PersonKey));
        keys.UnionWith(world.EhcpActivePlanSnapshots.Where(s => s.AsAt <= asAt).SelectMany(s => s.Rows).Select(r => r.PersonKey!));
        keys.UnionWith(world.MissingEducationSnapshots.Where(s => s.AsAt <= asAt).SelectMany(s => s.Rows).Select(r => r.PersonKey));
        return [.. world.People.Where(p => keys.Contains(p.PersonKey))];
    }
}
