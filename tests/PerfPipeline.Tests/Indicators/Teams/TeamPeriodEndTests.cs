namespace PerfPipeline.Tests.Indicators.Teams;

using PerfPipeline.Calendar;
using PerfPipeline.CaseData;
using PerfPipeline.Extracts;
using PerfPipeline.Indicators;
using PerfPipeline.Indicators.Teams;

using static PerfPipeline.Indicators.IndicatorCodes;

/// <summary>
/// The snapshot measures by team (children on a plan, in care, in care with several workers): each child counts for the
/// team holding their case on the period's last day, as docs/teams.md states it; edges first, then the rule written out
/// plainly against the engine on random data with handovers, overlaps and ends on period ends.
/// </summary>
public sealed class TeamPeriodEndTests
{
    private static readonly HashSet<string> AllSupplied = [.. ExtractContract.Datasets.Select(d => d.Name)];

    [Fact]
    public void OnPlanAndInCare_AtTheMonthEnd_CountForTheTeamHoldingTheCaseThatDay()
    {
        (string Person, DateOnly Start, DateOnly? End)[] ranges =
        [
            ("a", new(2019, 1, 1), null),
            ("b", new(2019, 1, 1), new(2019, 9, 30)), // ends on the period's last day: not open that day
            ("c", new(2019, 9, 30), null),            // starts on it: open, and no involvement
            ("d", new(2019, 1, 1), null),
            ("e", new(2019, 1, 1), null),
            ("f", new(2019, 1, 1), null),
            ("g", new(2019, 1, 1), new(2019, 8, 1)),  // two overlapping records: counted once
            ("g", new(2019, 7, 1), null),
        ];
        Involvement[] involvements =
        [
            // a: handed over on 30 September, which belongs to the new worker's team.
            new("I1", "a", "w1", null, "North", new(2019, 1, 1), new(2019, 9, 30)),
            new("I2", "a", "w2", null, "South", new(2019, 9, 30), null),

            // d: two open, the later started holds the case.
            new("I3", "d", "w3", null, "North", new(2019, 2, 1), null),
            new("I4", "d", "w4", null, "East", new(2019, 3, 1), null),

            // e: two started the same day, the highest id holds it.
            new("I6", "e", "w6", null, "West", new(2019, 5, 1), null),
            new("I5", "e", "w5", null, "North", new(2019, 5, 1), null),

            // f: a blank team is no team recorded.
            new("I7", "f", "w7", null, "  ", new(2019, 1, 1), null),
            new("I8", "g", "w8", null, "North", new(2019, 1, 1), null),
        ];
        var data = Data(ranges, involvements);

        var values = new IndicatorEngine().ComputeByTeam(data, [Period.Month(2019, 8), Period.Month(2019, 9)]);

        Dictionary<string, decimal> august = new(StringComparer.Ordinal) { ["North"] = 2, ["South"] = 0, ["East"] = 1, ["West"] = 1, [TeamKeys.NoTeamRecorded] = 2 };
        Dictionary<string, decimal> september = new(StringComparer.Ordinal) { ["North"] = 1, ["South"] = 1, ["East"] = 1, ["West"] = 1, [TeamKeys.NoTeamRecorded] = 2 };
        foreach (var code in new[] { CpPlansCurrent, CicCurrent })
        {
            Assert.Equal(august, Counts(values, code, Period.Month(2019, 8)));
            Assert.Equal(september, Counts(values, code, Period.Month(2019, 9)));
        }

        // The children in care counted for "several workers" are the same children, in the same teams.
        Assert.Equal(september, Denominators(values, CicMultipleSocialWorkers12MPct, Period.Month(2019, 9)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SnapshotMeasuresByTeam_OnRandomData_AreTheRuleAppliedChildByChild(int seed)
    {
        var random = new Random(seed);
        var first = new DateOnly(2018, 4, 1);

        // Dates often on a month's first or last day, so records start, end and change hands on period ends.
        DateOnly Day()
        {
            var month = first.AddMonths(random.Next(24));
            return random.Next(3) switch
            {
                0 => month,
                1 => month.AddMonths(1).AddDays(-1),
                _ => month.AddDays(random.Next(28)),
            };
        }

        DateOnly? Until(DateOnly start) => random.Next(4) == 0 ? null : start.AddDays(random.Next(0, 400));
        string Child() => $"child{random.Next(120)}";
        string?[] teams = ["North", "South", "East", " West ", null, ""];

        var plans = Enumerable.Range(0, 150).Select(_ => (Child(), Day())).Select(p => (p.Item1, p.Item2, Until(p.Item2))).ToArray();
        var care = Enumerable.Range(0, 150).Select(_ => (Child(), Day())).Select(p => (p.Item1, p.Item2, Until(p.Item2))).ToArray();
        var involvements = Enumerable.Range(0, 400).Select(i =>
        {
            var start = Day();
            return new Involvement($"I{random.Next(1000)}-{i}", Child(), $"w{random.Next(30)}", null, teams[random.Next(teams.Length)], start, Until(start));
        }).ToArray();
        var data = Data(plans, involvements, care);
        var periods = Period.Touching(first, new DateOnly(2020, 3, 31));

        var values = new IndicatorEngine().ComputeByTeam(data, periods);

        foreach (var period in periods)
        {
            var day = period.End;
            Assert.Equal(Expected(plans, involvements, day), Counts(values, CpPlansCurrent, period));
            Assert.Equal(Expected(care, involvements, day), Counts(values, CicCurrent, period));
            Assert.Equal(Expected(care, involvements, day), Denominators(values, CicMultipleSocialWorkers12MPct, period));
        }
    }

    // The rule as docs/teams.md states it: each child open on the day, once, for the team of their involvement open that
    // day (the latest started, then the highest id), or no team recorded. Every team of the LA is shown, with 0 if none.
    private static Dictionary<string, decimal> Expected(
        (string Person, DateOnly Start, DateOnly? End)[] ranges, Involvement[] involvements, DateOnly day)
    {
        var counts = involvements.Select(i => TeamKeys.Of(i.ProfessionalTeam)).Append(TeamKeys.NoTeamRecorded)
            .Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => 0m, StringComparer.Ordinal);
        foreach (var child in ranges.Where(r => r.Start <= day && (r.End is null || r.End > day)).Select(r => r.Person).Distinct(StringComparer.Ordinal))
        {
            var holder = involvements
                .Where(i => i.PersonKey == child && i.InvolvementStartDate <= day && (i.InvolvementEndDate is null || i.InvolvementEndDate > day))
                .OrderBy(i => i.InvolvementStartDate).ThenBy(i => i.InvolvementId, StringComparer.Ordinal)
                .LastOrDefault();
            counts[TeamKeys.Of(holder?.ProfessionalTeam)]++;
        }

        return counts;
    }

    private static Dictionary<string, decimal> Counts(IReadOnlyList<TeamIndicatorValue> values, string code, Period period) =>
        values.Where(v => v.IndicatorCode == code && v.Period == period).ToDictionary(v => v.TeamKey, v => v.Numerator!.Value, StringComparer.Ordinal);

    private static Dictionary<string, decimal> Denominators(IReadOnlyList<TeamIndicatorValue> values, string code, Period period) =>
        values.Where(v => v.IndicatorCode == code && v.Period == period).ToDictionary(v => v.TeamKey, v => v.Denominator!.Value, StringComparer.Ordinal);

    // The same ranges as CP plans and as care episodes (one period of care each), unless care is given apart.
    private static LaCaseData Data(
        (string Person, DateOnly Start, DateOnly? End)[] plans, Involvement[] involvements, (string Person, DateOnly Start, DateOnly? End)[]? care = null) => new()
        {
            LaCode = "999",
            SuppliedDatasets = AllSupplied,
            CpPlans = [.. plans.Select((p, i) => new CpPlan($"CP{i}", p.Person, p.Start, p.End, null))],
            CareEpisodes = [.. (care ?? plans).Select((c, i) => new CareEpisode($"E{i}", c.Person, $"POC{i}", c.Start, c.End))],
            Involvements = involvements,
        };
}
