namespace PerfPipeline.Benchmarks.Indicators;

using PerfPipeline.CaseData;
using PerfPipeline.Extracts;

/// <summary>
/// A large LA's case data over ten financial years (2015-16 .. 2024-25), generated in memory from a seeded
/// <see cref="Random"/>: at scale 1 about a million event rows, in proportions like a big county's, plus a
/// monthly snapshot of each snapshot dataset. Referrals, assessments and involvements name one of eight teams, or none.
/// </summary>
internal static class LargeLaCaseData
{
    private static readonly DateOnly First = new(2015, 4, 1);
    private static readonly DateOnly AsAt = new(2025, 3, 31);
    private static readonly int Days = AsAt.DayNumber - First.DayNumber + 1;

    public static LaCaseData Generate(double scale, int seed = 872)
    {
        var random = new Random(seed);
        int Scaled(int rows) => (int)(rows * scale);
        DateOnly AnyDay() => First.AddDays(random.Next(Days));
        DateOnly? Ended(DateOnly start, int meanDays, double openShare) =>
            random.NextDouble() < openShare ? null : Min(start.AddDays(1 + random.Next(2 * meanDays)), AsAt);
        string Child() => $"P{random.Next(Scaled(120_000))}";

        var people = Enumerable.Range(0, Scaled(120_000))
            .Select(i => new Person($"P{i}", i % 2 == 0 ? "F" : "M", null, new DateOnly(1995, 1, 1).AddDays(random.Next(30 * 365))))
            .ToArray();

        var referrals = Enumerable.Range(0, Scaled(150_000))
            .Select(i => new Referral($"R{i}", Child(), AnyDay(), null, null, null, Team(i))).ToArray();
        var assessments = referrals.Take(Scaled(140_000)).Select((r, i) =>
        {
            var start = r.ReferralDate.AddDays(random.Next(5));
            return new Assessment($"A{i}", r.PersonKey, r.ReferralId, start, Ended(start, 30, 0.02), Team(i + 1));
        }).ToArray();

        var cpPlans = Enumerable.Range(0, Scaled(20_000)).Select(i =>
        {
            var start = AnyDay();
            return new CpPlan($"CP{i}", Child(), start, Ended(start, 270, 0.05), null);
        }).ToArray();
        var cpVisits = Enumerable.Range(0, Scaled(200_000)).Select(i =>
        {
            var plan = cpPlans[random.Next(cpPlans.Length)];
            return new CpVisit($"V{i}", plan.PersonKey, plan.CpPlanId, Min(plan.PlanStartDate.AddDays(random.Next(300)), AsAt), true);
        }).ToArray();

        var careEpisodes = Enumerable.Range(0, Scaled(25_000)).Select(i =>
        {
            var start = AnyDay();
            return new CareEpisode($"E{i}", $"P{i / 2}", $"POC{i / 2}", start, Ended(start, 400, 0.1));
        }).ToArray();
        var careVisits = Enumerable.Range(0, Scaled(120_000)).Select(i =>
        {
            var episode = careEpisodes[random.Next(careEpisodes.Length)];
            return new CareVisit($"CV{i}", episode.PersonKey, episode.PeriodOfCareId, Min(episode.EpisodeStartDate.AddDays(random.Next(400)), AsAt), true);
        }).ToArray();

        var professionals = Enumerable.Range(0, Scaled(4_000)).Select(i =>
        {
            var start = First.AddDays(random.Next(-2000, Days));
            return new Professional($"W{i}", random.NextDouble() < 0.2, random.NextDouble() < 0.2 ? 0.5m : 1m, random.NextDouble() < 0.8, start, Ended(start, 900, 0.4));
        }).ToArray();
        var involvements = Enumerable.Range(0, Scaled(100_000)).Select(i =>
        {
            var start = AnyDay();
            var child = random.NextDouble() < 0.5 ? $"P{random.Next(Scaled(12_500))}" : Child();
            return new Involvement($"I{i}", child, professionals[random.Next(professionals.Length)].ProfessionalKey, null, Team(i + 2), start, Ended(start, 200, 0.1));
        }).ToArray();

        var missing = Enumerable.Range(0, Scaled(50_000)).Select(i =>
        {
            var start = AnyDay();
            var end = Min(start.AddDays(random.Next(4)), AsAt);
            DateOnly? interview = random.NextDouble() < 0.7 ? end.AddDays(random.Next(8)) : null;
            return new MissingEpisode($"M{i}", Child(), start, random.NextDouble() < 0.8 ? "Missing" : "Absent", end, null, null, interview);
        }).ToArray();

        var earlyHelp = Enumerable.Range(0, Scaled(60_000)).Select(i =>
        {
            var start = AnyDay();
            DateOnly? assessed = random.NextDouble() < 0.8 ? Min(start.AddDays(random.Next(80)), AsAt) : null;
            return new EarlyHelpEpisode($"EH{i}", Child(), start, Ended(start, 180, 0.1), assessed);
        }).ToArray();

        var requests = Enumerable.Range(0, Scaled(10_000)).Select(i => new EhcpRequest($"ER{i}", AnyDay(), null, null)).ToArray();
        var ehcpAssessments = requests.Take(Scaled(9_000))
            .Select((r, i) => new EhcpAssessment($"EA{i}", r.EhcpRequestId, null, null, random.NextDouble() < 0.05)).ToArray();
        var namedPlans = ehcpAssessments.Take(Scaled(8_000)).Select((a, i) =>
            new EhcpNamedPlan($"EP{i}", a.EhcpAssessmentId, Min(requests[i].RequestDate.AddDays(60 + random.Next(160)), AsAt), null)).ToArray();

        var monthEnds = Enumerable.Range(0, 120).Select(m => First.AddMonths(m + 1).AddDays(-1)).ToArray();
        return new LaCaseData
        {
            LaCode = "999",
            AsAt = AsAt,
            SuppliedDatasets = ExtractContract.Datasets.Where(d => d.Kind == DatasetKind.Event).Select(d => d.Name).ToHashSet(StringComparer.Ordinal),
            People = people,
            Referrals = referrals,
            Assessments = assessments,
            CpPlans = cpPlans,
            CpVisits = cpVisits,
            CareEpisodes = careEpisodes,
            CareVisits = careVisits,
            Involvements = involvements,
            MissingEpisodes = missing,
            EarlyHelpEpisodes = earlyHelp,
            EhcpRequests = requests,
            EhcpAssessments = ehcpAssessments,
            EhcpNamedPlans = namedPlans,
            Professionals = professionals,
            CareLeaverSnapshots = [.. monthEnds.Select(d => new Snapshot<CareLeaver>(d, [.. Enumerable.Range(0, Scaled(600)).Select(i =>
                new CareLeaver($"L{i}", $"P{i}", null, random.NextDouble() < 0.9 ? "YES" : "NO", null, "U1", null, "F1"))]))],
            EhcpActivePlanSnapshots = [.. monthEnds.Select(d => new Snapshot<EhcpActivePlan>(d, [.. Enumerable.Range(0, Scaled(3_000)).Select(i =>
                new EhcpActivePlan($"AP{i}", null, null, i % 3 != 0))]))],
            MissingEducationSnapshots = [.. monthEnds.Select(d => new Snapshot<MissingEducationCase>(d, [.. Enumerable.Range(0, Scaled(100)).Select(i =>
                new MissingEducationCase($"P{i}", First))]))],
            Population = [.. Enumerable.Range(2014, 11).Select(y => new PopulationEstimate(y, 250_000))],
        };
    }

    /// <summary>Event rows (every event dataset), the figure the benchmark's size is quoted in.</summary>
    public static int EventRows(LaCaseData data) =>
        data.People.Count + data.Referrals.Count + data.Assessments.Count + data.CpPlans.Count + data.CpVisits.Count
        + data.CareEpisodes.Count + data.CareVisits.Count + data.Involvements.Count + data.MissingEpisodes.Count
        + data.EarlyHelpEpisodes.Count + data.EhcpRequests.Count + data.EhcpAssessments.Count + data.EhcpNamedPlans.Count
        + data.Professionals.Count;

    public static int SnapshotRows(LaCaseData data) =>
        data.CareLeaverSnapshots.Sum(s => s.Rows.Count) + data.EhcpActivePlanSnapshots.Sum(s => s.Rows.Count)
        + data.MissingEducationSnapshots.Sum(s => s.Rows.Count);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // Eight teams and a blank (no team recorded), by row number: the random draws, and so the data, are as without teams.
    private static string? Team(int row) => row % 9 == 0 ? null : $"Team {row % 9}";
}
